package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import io.warroom.shared.Text;
import io.warroom.shared.TextJson;
import java.time.Instant;
import java.util.Map;

/**
 * An approved action did not run or did not succeed, and why: {@code message} in English (for logs and the
 * summary line), {@code messageText} unresolved for readers of other languages.
 */
public record ActionFailed(String stream, Instant occurredAt, String actor, String requestId, String action, String reason,
                           String message, Text messageText) implements DomainEvent {

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
        return Map.of("request", requestId, "action", action, "reason", reason, "message", message,
                "messageText", TextJson.data(messageText));
    }
}
