package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A change was asked for and waits for approval. */
public record ApprovalRequested(String stream, Instant occurredAt, String actor, String requestId, String action, String digest, String policy, Instant expiresAt) implements DomainEvent {

    @Override
    public String kind() {
        return "approval.requested";
    }

    @Override
    public String summary() {
        return "requested approval " + requestId + ": " + action;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action, "digest", digest, "policy", policy, "expiresAt", expiresAt.toString());
    }
}
