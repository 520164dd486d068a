package io.warroom.alert;

import java.time.Instant;
import java.util.Map;

/**
 * An alert group as other modules see it. {@code id} is the short id people type ({@code A42});
 * {@code status} is firing or resolved; {@code handledBy} is who marked it resolved in Warroom.
 */
public record AlertGroupSummary(String id, String title, String severity, String status, Map<String, String> labels,
                                int firing, int resolved, Instant firstSeen, String ackedBy, String handledBy,
                                String silencedBy, Instant silencedUntil, String source) {

    public boolean isFiring() {
        return "firing".equals(status);
    }
}
