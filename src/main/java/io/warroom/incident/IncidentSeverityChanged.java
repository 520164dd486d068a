package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The severity changed. */
public record IncidentSeverityChanged(String stream, Instant occurredAt, String actor, String from, String to) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.severity-changed";
    }

    @Override
    public String summary() {
        return "severity " + from + " → " + to;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("from", from, "to", to);
    }
}
