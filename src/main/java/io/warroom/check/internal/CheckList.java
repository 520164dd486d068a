package io.warroom.check.internal;

import java.util.List;
import java.util.Locale;

/**
 * A list of checks run together and reported in one message. {@code recurrence} is null when the list is
 * only run by hand; {@code onFailure} is {@code mention} (the on-call engineer is mentioned in the report),
 * {@code thread} (each failing check also gets its own thread, kept until it recovers) or {@code none}.
 */
record CheckList(String id, Names names, Recurrence recurrence, String onFailure, List<Check> checks) {

    static final List<String> ON_FAILURE = List.of("mention", "thread", "none");

    CheckList {
        checks = List.copyOf(checks);
    }

    String name(Locale l) {
        return names.in(l);
    }
}
