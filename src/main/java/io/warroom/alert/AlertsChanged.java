package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What one notification changed: each alert that started firing or resolved, once, whatever chat showed. */
public record AlertsChanged(String stream, Instant occurredAt, String actor, String groupId, List<Map<String, Object>> changes, int truncated) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.changed";
    }

    @Override
    public String summary() {
        return "alerts changed: " + changes.stream().filter(c -> "firing".equals(c.get("status"))).count() + " firing, " + changes.stream().filter(c -> "resolved".equals(c.get("status"))).count() + " resolved" + (truncated > 0 ? " (" + truncated + " truncated by Alertmanager)" : "");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "changes", changes, "truncated", truncated);
    }
}
