package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone clicked a decision they may not make (or too late); nothing changed. */
public record ApprovalClickRefused(String stream, Instant occurredAt, String actor, String requestId, String click, String reason) implements DomainEvent {

    @Override
    public String kind() {
        return "approval.click-refused";
    }

    @Override
    public String summary() {
        return "refused " + click + " on " + requestId + ": " + reason;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "click", click, "reason", reason);
    }
}
