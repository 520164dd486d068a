package io.warroom.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * One person holding one rotation role from {@code from} (inclusive) to {@code to} (exclusive), as the
 * effective roster says: the rotation, or a change on top of it. {@code source} is {@code rotation},
 * {@code override} (from the roster file or from chat) or {@code swap}; {@code changeId} names the change
 * from chat that put them there (null for the rotation and the file's overrides).
 */
public record Shift(String role, Person person, Instant from, Instant to, String source, String changeId,
                    String reason) {

    public static final String ROTATION = "rotation";
    public static final String OVERRIDE = "override";
    public static final String SWAP = "swap";

    public Shift {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(person, "person");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a shift ends after it starts");
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    public boolean changed() {
        return !ROTATION.equals(source);
    }
}
