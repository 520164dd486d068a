package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The workload the checklist's commands act on changed. */
public record IncidentServiceChanged(String stream, Instant occurredAt, String actor, String service, String namespace) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.service-changed";
    }

    @Override
    public String summary() {
        return "service " + service + (namespace == null ? "" : " in " + namespace);
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("service", service, "namespace", namespace);
    }
}
