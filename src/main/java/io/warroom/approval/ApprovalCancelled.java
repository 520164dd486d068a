package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The requester withdrew the request; it will never run. */
public record ApprovalCancelled(String stream, Instant occurredAt, String actor, String requestId, String action) implements DomainEvent {

    @Override
    public String kind() {
        return "approval.cancelled";
    }

    @Override
    public String summary() {
        return "cancelled " + requestId + ": " + action;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action);
    }
}
