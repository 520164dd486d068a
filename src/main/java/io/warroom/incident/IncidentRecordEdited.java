package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Fields of the incident record (type, description, impact, root cause, prevention) were written; {@code fields} holds the new values of the fields that changed. */
public record IncidentRecordEdited(String stream, Instant occurredAt, String actor, Map<String, String> fields) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.record-edited";
    }

    @Override
    public String summary() {
        return "record edited: " + String.join(", ", new java.util.TreeSet<>(fields.keySet()));
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("fields", fields);
    }
}
