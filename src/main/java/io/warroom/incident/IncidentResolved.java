package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The incident was resolved. */
public record IncidentResolved(String stream, Instant occurredAt, String actor, long durationSeconds) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.resolved";
    }

    @Override
    public String summary() {
        return "resolved after " + durationSeconds + " s";
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("durationSeconds", durationSeconds);
    }
}
