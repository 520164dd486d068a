package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** An acknowledgement was withdrawn: the deadline starts again. */
public record AlertGroupUnacknowledged(String stream, Instant occurredAt, String actor, String groupId, Instant deadline) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.unacknowledged";
    }

    @Override
    public String summary() {
        return "acknowledgement withdrawn by " + actor;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "deadline", deadline.toString());
    }
}
