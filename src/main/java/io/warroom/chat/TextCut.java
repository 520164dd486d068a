package io.warroom.chat;

/**
 * Shortens text for a platform limit visibly: the result ends in an ellipsis when something was cut, and
 * never splits a surrogate pair (half a pair is invalid UTF-8 on the wire, which platforms refuse).
 */
public final class TextCut {

    public static final String ELLIPSIS = "…";

    private TextCut() {
    }

    /** {@code text} in at most {@code max} UTF-16 units (at least 1). */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
