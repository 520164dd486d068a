package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A storm is over: no new group for the quiet period. */
public record AlertStormEnded(String stream, Instant occurredAt, String actor, String platform, String channel, long stormId, int groups) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.storm-ended";
    }

    @Override
    public String summary() {
        return "alert storm over in " + platform + ":" + channel + ": " + groups + " groups";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("platform", platform, "channel", channel, "storm", stormId, "groups", groups);
    }
}
