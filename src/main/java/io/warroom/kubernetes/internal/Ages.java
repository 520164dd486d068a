package io.warroom.kubernetes.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** kubectl-style ages: 45s, 12m, 5h, 3d. */
final class Ages {

    private Ages() {
    }

    static String since(String timestamp, Instant now) {
        Instant t = parse(timestamp);
        return t == null ? "?" : format(Duration.between(t, now));
    }

    static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m";
        }
        if (s < 48 * 3600) {
            return (s / 3600) + "h";
        }
        return (s / 86400) + "d";
    }
}
