package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Warroom followed a rollout started by an approved action to its end (or gave up waiting). */
public record RolloutFinished(String stream, Instant occurredAt, String actor, String requestId, String action, String state, String outcome) implements DomainEvent {

    @Override
    public String kind() {
        return "action.rollout-finished";
    }

    @Override
    public String summary() {
        return "rollout " + state.toLowerCase(java.util.Locale.ROOT) + " for " + action + ": " + outcome;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action, "state", state, "outcome", outcome);
    }
}
