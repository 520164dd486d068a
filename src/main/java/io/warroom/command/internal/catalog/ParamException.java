package io.warroom.command.internal.catalog;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A parameter value or the arguments' shape is wrong. It names a message ({@code param.*} in the bundles)
 * so the requester reads it in their language; {@link #getMessage()} is the English text, which catalog
 * examples and logs use.
 */
public class ParamException extends RuntimeException {

    private final String key;
    private final Object[] args;

    public ParamException(String key, Object... args) {
        super(english(key, args));
        this.key = key;
        // Strings only: MessageFormat would print numbers with grouping ("4,000").
        this.args = Arrays.stream(args).map(String::valueOf).toArray();
    }

    /** The message key in the bundles. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    private static String english(String key, Object... args) {
        String pattern = ResourceBundle.getBundle("messages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return new MessageFormat(pattern, Locale.ENGLISH).format(Arrays.stream(args).map(String::valueOf).toArray());
    }
}
