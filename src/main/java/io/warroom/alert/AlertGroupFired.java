package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A group started firing: first seen, or firing again after it had resolved ({@code episode} counts). */
public record AlertGroupFired(String stream, Instant occurredAt, String actor, String groupId, String title, String severity, Map<String, String> labels, int episode) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.group-fired";
    }

    @Override
    public String summary() {
        return "firing: " + title + " [" + severity + "]" + (episode > 1 ? " (again, episode " + episode + ")" : "");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "severity", severity, "labels", labels, "episode", episode);
    }
}
