package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A click on an alert button was refused (not allowed, gone, Alertmanager unreachable). */
public record AlertActionRefused(String stream, Instant occurredAt, String actor, String groupId, String action, String reason) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.action-refused";
    }

    @Override
    public String summary() {
        return action + " refused: " + reason;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "action", action, "reason", reason);
    }
}
