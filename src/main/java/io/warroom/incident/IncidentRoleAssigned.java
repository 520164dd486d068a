package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone took a role: commander, scribe or communications. */
public record IncidentRoleAssigned(String stream, Instant occurredAt, String actor, String role, String person) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.role-assigned";
    }

    @Override
    public String summary() {
        return role + ": " + person;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("role", role, "person", person);
    }
}
