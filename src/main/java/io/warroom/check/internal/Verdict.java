package io.warroom.check.internal;

import io.warroom.shared.Text;
import java.util.List;

/**
 * What a check found: passed or not, in words (a message key of the check bundle and its arguments).
 * Arguments are plain strings, or an executor's {@link Text} (its error), resolved in each reader's language.
 */
record Verdict(boolean ok, String key, List<Object> args) {

    Verdict {
        args = List.copyOf(args);
    }

    static Verdict ok(String key, Object... args) {
        return new Verdict(true, key, values(args));
    }

    static Verdict fail(String key, Object... args) {
        return new Verdict(false, key, values(args));
    }

    private static List<Object> values(Object[] args) {
        return java.util.Arrays.stream(args).map(a -> a instanceof Text t ? (Object) t : String.valueOf(a)).toList();
    }
}
