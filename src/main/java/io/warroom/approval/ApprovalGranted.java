package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** An authorised person approved (one vote; the last one needed starts the action). */
public record ApprovalGranted(String stream, Instant occurredAt, String actor, String requestId, String action, int approvals, int needed) implements DomainEvent {

    @Override
    public String kind() {
        return "approval.granted";
    }

    @Override
    public String summary() {
        return "approved " + requestId + " (" + approvals + " of " + needed + "): " + action;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action, "approvals", approvals, "needed", needed);
    }
}
