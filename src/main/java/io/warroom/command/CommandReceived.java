package io.warroom.command;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone addressed a command to Warroom; {@code outcome} is how it was answered (ok, usage, denied). */
public record CommandReceived(String stream, Instant occurredAt, String actor, String platform, String channel,
                              String text, String outcome) implements DomainEvent {

    @Override
    public String kind() {
        return "command.received";
    }

    @Override
    public String summary() {
        return "/warroom " + text + (outcome.equals("ok") ? "" : " (" + outcome + ")");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("platform", platform, "channel", channel, "text", text, "outcome", outcome);
    }
}
