package io.warroom.support;

/** Whether a string is well-formed UTF-16 (no lone surrogate), i.e. encodable as the UTF-8 platforms accept. */
public final class Utf16 {

    private Utf16() {
    }

    public static boolean valid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
