package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The incident record is complete: the incident is closed. */
public record IncidentClosed(String stream, Instant occurredAt, String actor) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.closed";
    }

    @Override
    public String summary() {
        return "closed: the incident record is complete";
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details();
    }
}
