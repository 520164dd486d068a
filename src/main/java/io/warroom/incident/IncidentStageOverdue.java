package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A checklist stage ran past its budget (the room was nudged once). */
public record IncidentStageOverdue(String stream, Instant occurredAt, String actor, String stage, long budgetSeconds) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.stage-overdue";
    }

    @Override
    public String summary() {
        return "stage " + stage + " is past its budget of " + budgetSeconds + " s";
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("stage", stage, "budgetSeconds", budgetSeconds);
    }
}
