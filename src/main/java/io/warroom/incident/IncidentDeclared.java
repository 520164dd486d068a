package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An incident was declared; {@code warRooms} lists the platforms its war rooms are being opened on. */
public record IncidentDeclared(String stream, Instant occurredAt, String actor, String severity, String title, String origin, String alertGroup, String service, List<String> warRooms) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.declared";
    }

    @Override
    public String summary() {
        return severity + " declared: " + title;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("severity", severity, "title", title, "origin", origin, "alertGroup", alertGroup, "service", service, "warRooms", warRooms);
    }
}
