package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Nobody decided in time; the request will never run. */
public record ApprovalExpired(String stream, Instant occurredAt, String actor, String requestId, String action) implements DomainEvent {

    @Override
    public String kind() {
        return "approval.expired";
    }

    @Override
    public String summary() {
        return "expired " + requestId + ": " + action;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action);
    }
}
