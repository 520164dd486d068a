package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** An alert group was linked to the incident. */
public record IncidentAlertLinked(String stream, Instant occurredAt, String actor, String alertGroup) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.alert-linked";
    }

    @Override
    public String summary() {
        return "alert group linked: " + alertGroup;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("alertGroup", alertGroup);
    }
}
