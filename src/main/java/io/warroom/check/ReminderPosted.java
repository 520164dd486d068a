package io.warroom.check;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A periodic task came due and its reminder was posted. */
public record ReminderPosted(String stream, Instant occurredAt, String actor, String reminderId, String occurrence,
                             Instant slot) implements DomainEvent {

    @Override
    public String kind() {
        return "reminder.posted";
    }

    @Override
    public String summary() {
        return reminderId + " due " + slot;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reminder", reminderId, "occurrence", occurrence, "slot", slot.toString());
    }
}
