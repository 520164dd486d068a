package io.warroom.check.internal;

import java.util.List;

/** What a check found: passed or not, in words (a message key of the check bundle and its arguments). */
record Verdict(boolean ok, String key, List<String> args) {

    Verdict {
        args = List.copyOf(args);
    }

    static Verdict ok(String key, Object... args) {
        return new Verdict(true, key, strings(args));
    }

    static Verdict fail(String key, Object... args) {
        return new Verdict(false, key, strings(args));
    }

    private static List<String> strings(Object[] args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
