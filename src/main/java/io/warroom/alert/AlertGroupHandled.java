package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone marked the group resolved in Warroom (Alertmanager may still report it firing). */
public record AlertGroupHandled(String stream, Instant occurredAt, String actor, String groupId, int stillFiring) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.handled";
    }

    @Override
    public String summary() {
        return "marked resolved by " + actor + (stillFiring > 0 ? " (" + stillFiring + " still firing in Alertmanager)" : "");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "stillFiring", stillFiring);
    }
}
