package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Too many new groups in one channel: they are summarised in one digest message. */
public record AlertStormStarted(String stream, Instant occurredAt, String actor, String platform, String channel, long stormId, int threshold) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.storm-started";
    }

    @Override
    public String summary() {
        return "alert storm in " + platform + ":" + channel + " (more than " + threshold + " new groups in the window): one digest instead of a message per group";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("platform", platform, "channel", channel, "storm", stormId);
    }
}
