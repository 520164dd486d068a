package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A silence created from Warroom was expired early from chat, or ran out. */
public record AlertSilenceExpired(String stream, Instant occurredAt, String actor, String groupId, String silenceId, boolean early) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.silence-ended";
    }

    @Override
    public String summary() {
        return (early ? "silence expired by " + actor : "silence ended");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "silence", silenceId, "early", early);
    }
}
