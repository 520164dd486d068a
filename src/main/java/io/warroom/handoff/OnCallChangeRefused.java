package io.warroom.handoff;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone asked to change the on-call roster from chat and the policy did not let them. */
public record OnCallChangeRefused(String stream, Instant occurredAt, String actor, String action, String reason)
        implements DomainEvent {

    @Override
    public String kind() {
        return "oncall.change-refused";
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
