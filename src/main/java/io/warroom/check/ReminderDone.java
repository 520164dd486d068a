package io.warroom.check;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone marked a periodic task done ({@code actor} is who did it). */
public record ReminderDone(String stream, Instant occurredAt, String actor, String reminderId, String occurrence,
                           Instant slot) implements DomainEvent {

    @Override
    public String kind() {
        return "reminder.done";
    }

    @Override
    public String summary() {
        return reminderId + " (due " + slot + ") done by " + actor;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reminder", reminderId, "occurrence", occurrence, "slot", slot.toString());
    }
}
