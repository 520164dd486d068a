package io.warroom.handoff;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The incoming engineer (or someone the policy lets) acknowledged the handoff: the shift is theirs. */
public record HandoffAcknowledged(String stream, Instant occurredAt, String actor, String handoffId, String incoming)
        implements DomainEvent {

    @Override
    public String kind() {
        return "handoff.acknowledged";
    }

    @Override
    public String summary() {
        return "acknowledged by " + actor + (actor.equals(incoming) ? "" : " for " + incoming);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("handoff", handoffId, "incoming", incoming);
    }
}
