package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A status update: the latest text shown on the card, and the state it moved the incident to. */
public record IncidentStatusUpdated(String stream, Instant occurredAt, String actor, String status, String text) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.status-updated";
    }

    @Override
    public String summary() {
        return status + ": " + text;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("status", status, "text", text);
    }
}
