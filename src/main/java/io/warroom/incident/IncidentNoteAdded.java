package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A note for the record, written in one of the incident's conversations. */
public record IncidentNoteAdded(String stream, Instant occurredAt, String actor, String text, String platform) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.note-added";
    }

    @Override
    public String summary() {
        return text;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("text", text, "platform", platform);
    }
}
