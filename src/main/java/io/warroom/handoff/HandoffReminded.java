package io.warroom.handoff;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A handoff was not acknowledged in time: {@code step} 1 reminded both engineers, step 2 told {@code told}. */
public record HandoffReminded(String stream, Instant occurredAt, String actor, String handoffId, int step, String state,
                              List<String> told) implements DomainEvent {

    @Override
    public String kind() {
        return "handoff.reminded";
    }

    @Override
    public String summary() {
        return "still " + state.toLowerCase(java.util.Locale.ROOT) + " (reminder " + step + "): told " + String.join(", ", told);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("handoff", handoffId, "step", step, "state", state, "told", told);
    }
}
