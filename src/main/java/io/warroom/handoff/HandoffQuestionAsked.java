package io.warroom.handoff;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone asked a question about a handoff; it was posted as a reply in the handoff's thread. */
public record HandoffQuestionAsked(String stream, Instant occurredAt, String actor, String handoffId, String question)
        implements DomainEvent {

    @Override
    public String kind() {
        return "handoff.question";
    }

    @Override
    public String summary() {
        return question;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("handoff", handoffId);
    }
}
