package io.warroom.handoff;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The handoff form was submitted ({@code edit} 0) or edited afterwards ({@code edit} 1, 2, ...);
 * {@code content} is what it says, as the card shows it.
 */
public record HandoffSubmitted(String stream, Instant occurredAt, String actor, String handoffId, int edit,
                               String content) implements DomainEvent {

    @Override
    public String kind() {
        return edit == 0 ? "handoff.submitted" : "handoff.edited";
    }

    @Override
    public String summary() {
        return (edit == 0 ? "submitted: " : "edited (" + edit + "): ") + content;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("handoff", handoffId, "edit", edit);
    }
}
