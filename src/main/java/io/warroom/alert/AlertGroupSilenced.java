package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A silence was created in Alertmanager for the group. */
public record AlertGroupSilenced(String stream, Instant occurredAt, String actor, String groupId, String silenceId, Instant until, String comment, List<String> matchers) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.silenced";
    }

    @Override
    public String summary() {
        return "silenced by " + actor + " until " + until;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("group", groupId, "silence", silenceId, "until", until.toString(), "comment", comment, "matchers", matchers);
    }
}
