package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone was refused an incident action (policy, or an incident that is resolved); {@code stream} is the incident's, or the conversation's for a refused declaration. */
public record IncidentActionRefused(String stream, Instant occurredAt, String actor, String action, String reason) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.refused";
    }

    @Override
    public String summary() {
        return action + " refused: " + reason;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("action", action, "reason", reason);
    }
}
