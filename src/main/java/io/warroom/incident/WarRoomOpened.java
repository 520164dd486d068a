package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A war room exists on a platform: a Slack channel, a Feishu group or a console channel. */
public record WarRoomOpened(String stream, Instant occurredAt, String actor, String platform, String channelId, String name) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.war-room-opened";
    }

    @Override
    public String summary() {
        return "war room opened on " + platform + ": " + name;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("platform", platform, "channel", channelId, "name", name);
    }
}
