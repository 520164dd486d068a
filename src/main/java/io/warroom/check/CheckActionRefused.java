package io.warroom.check;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone asked to run checks or mark a reminder done, and the policy did not let them. */
public record CheckActionRefused(String stream, Instant occurredAt, String actor, String action, String reason)
        implements DomainEvent {

    @Override
    public String kind() {
        return "check.refused";
    }

    @Override
    public String summary() {
        return actor + " may not " + action + ": " + reason;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("action", action, "reason", reason);
    }
}
