package io.warroom.command.internal.catalog;

import java.util.Locale;

public enum Risk {
    READ, CHANGE, DANGEROUS;

    static Risk parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("risk is required (read, change or dangerous)");
        }
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("risk '" + s + "' must be read, change or dangerous");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
