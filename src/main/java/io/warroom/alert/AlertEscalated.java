package io.warroom.alert;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Nobody acknowledged in time: an escalation step notified these people (and called its webhook). */
public record AlertEscalated(String stream, Instant occurredAt, String actor, String groupId, int round, int step, List<String> roles, List<String> people, String webhook) implements DomainEvent {

    @Override
    public String kind() {
        return "alert.escalated";
    }

    @Override
    public String summary() {
        return "escalated (step " + step + (round > 0 ? ", round " + (round + 1) : "") + ") to " + (people.isEmpty() ? "nobody on duty for " + roles : String.join(", ", people));
    }

    @Override
    public Map<String, Object> details() {
        return webhook == null ? Map.of("group", groupId, "round", round, "step", step, "roles", roles, "people", people) : Map.of("group", groupId, "round", round, "step", step, "roles", roles, "people", people, "webhook", webhook);
    }
}
