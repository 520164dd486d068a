package io.warroom.directory.internal;

import java.time.Instant;

/**
 * One role given to one person for an interval by a change made from chat (an override, or one side of a
 * swap). Later changes win over earlier ones where they overlap; a cancelled change already ends at
 * {@code to}.
 */
record Assignment(long changeId, String kind, String role, String person, Instant from, Instant to,
                  String reason) {

    boolean covers(String r, Instant t) {
        return role.equals(r) && !t.isBefore(from) && t.isBefore(to);
    }
}
