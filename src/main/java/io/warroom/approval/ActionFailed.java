package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** An approved action did not run or did not succeed, and why. */
public record ActionFailed(String stream, Instant occurredAt, String actor, String requestId, String action, String reason, String message) implements DomainEvent {

    @Override
    public String kind() {
        return "action.failed";
    }

    @Override
    public String summary() {
        return "failed " + action + ": " + message;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action, "reason", reason, "message", message);
    }
}
