package io.warroom.incident;

import java.util.Locale;
import java.util.Optional;

/** P0 (service down) to P3 (minor). */
public enum Severity {
    P0, P1, P2, P3;

    /** {@code p0}, {@code P0} → P0; anything else is not a severity. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        for (Severity v : values()) {
            if (v.name().equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
