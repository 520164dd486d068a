package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** An authorised person rejected the request; it will never run. */
public record ApprovalRejected(String stream, Instant occurredAt, String actor, String requestId, String action) implements DomainEvent {

    @Override
    public String kind() {
        return "approval.rejected";
    }

    @Override
    public String summary() {
        return "rejected " + requestId + ": " + action;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action);
    }
}
