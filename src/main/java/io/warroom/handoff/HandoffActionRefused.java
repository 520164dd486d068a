package io.warroom.handoff;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone tried to submit, edit or acknowledge a handoff that is not theirs, and the policy said no. */
public record HandoffActionRefused(String stream, Instant occurredAt, String actor, String handoffId, String action,
                                   String reason) implements DomainEvent {

    @Override
    public String kind() {
        return "handoff.refused";
    }

    @Override
    public String summary() {
        return actor + " may not " + action + ": " + reason;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("handoff", handoffId, "action", action, "reason", reason);
    }
}
