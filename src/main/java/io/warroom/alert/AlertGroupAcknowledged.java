package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone acknowledged the group: escalation stops. */
public record AlertGroupAcknowledged(String stream, Instant occurredAt, String actor, String groupId, String platform) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.acknowledged";
    }

    @Override
    public String summary() {
        return "acknowledged by " + actor;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "platform", platform);
    }
}
