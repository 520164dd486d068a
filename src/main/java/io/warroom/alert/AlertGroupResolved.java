package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Every alert of the group resolved in Alertmanager. */
public record AlertGroupResolved(String stream, Instant occurredAt, String actor, String groupId, String title) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.group-resolved";
    }

    @Override
    public String summary() {
        return "resolved: " + title;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId);
    }
}
