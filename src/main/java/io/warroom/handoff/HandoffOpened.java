package io.warroom.handoff;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A handoff began: the outgoing engineer got the form (at the lead time, or on {@code /warroom handoff}). */
public record HandoffOpened(String stream, Instant occurredAt, String actor, String handoffId, Instant handoverAt,
                            String outgoing, String incoming) implements DomainEvent {

    @Override
    public String kind() {
        return "handoff.opened";
    }

    @Override
    public String summary() {
        return "handoff " + outgoing + " → " + incoming + " at " + handoverAt + ": form sent to " + outgoing;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("handoff", handoffId, "handoverAt", handoverAt.toString(), "outgoing", outgoing, "incoming", incoming);
    }
}
