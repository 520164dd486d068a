package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A checklist stage was done, by a click ({@code how} = button) or by itself (room-opened, action-executed, record-done). */
public record IncidentStageCompleted(String stream, Instant occurredAt, String actor, String stage, String how, long elapsedSeconds, long budgetSeconds) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.stage-completed";
    }

    @Override
    public String summary() {
        return "stage " + stage + " done (" + how + ") in " + elapsedSeconds + " s of " + budgetSeconds + " s";
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("stage", stage, "how", how, "elapsedSeconds", elapsedSeconds, "budgetSeconds", budgetSeconds);
    }
}
