package io.warroom.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.context.MessageSourceResolvable;

/**
 * Words for a person, not yet in a language: a message key and its arguments, resolved by whoever shows
 * them in the reader's language ({@code Texts}). Arguments are names, numbers or other {@code Text}s,
 * which Spring resolves in the same language. {@link #plain} carries data shown as it is (a name, an
 * image reference, a log line): it is never translated.
 */
public record Text(String key, List<Object> args) implements MessageSourceResolvable {

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
        if (key == null && args.size() != 1) {
            throw new IllegalArgumentException("plain text carries exactly one value");
        }
    }

    public static Text of(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        for (Object a : args) {
            Objects.requireNonNull(a, () -> "argument of " + key);
        }
        return new Text(key, Arrays.asList(args));
    }

    /** Shown exactly as given, in every language. */
    public static Text plain(String value) {
        return new Text(null, List.of(value == null ? "" : value));
    }

    /** Items joined in the reader's language ({@code a, b, c} / {@code a，b，c}); strings are plain values. */
    public static Text list(List<?> items) {
        Text joined = null;
        for (Object item : items) {
            Text t = item instanceof Text text ? text : plain(String.valueOf(item));
            joined = joined == null ? t : of("list.join", joined, t);
        }
        return joined == null ? plain("") : joined;
    }

    public boolean isPlain() {
        return key == null;
    }

    @Override
    public String[] getCodes() {
        return key == null ? null : new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return key == null ? new Object[0] : args.toArray();
    }

    @Override
    public String getDefaultMessage() {
        return key == null ? String.valueOf(args.get(0)) : null;
    }

    /** For logs and test failures only: the key and its arguments, or the plain value. */
    @Override
    public String toString() {
        return key == null ? String.valueOf(args.get(0)) : key + args;
    }
}
