package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A war room could not be created on a platform, and will not be retried. */
public record WarRoomNotOpened(String stream, Instant occurredAt, String actor, String platform, String error) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.war-room-failed";
    }

    @Override
    public String summary() {
        return "war room on " + platform + " could not be created: " + error;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("platform", platform, "error", error);
    }
}
