package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** An approved action ran. */
public record ActionExecuted(String stream, Instant occurredAt, String actor, String requestId, String action, String runAs, String result) implements DomainEvent {

    @Override
    public String kind() {
        return "action.executed";
    }

    @Override
    public String summary() {
        return "executed " + action + ": " + result;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("request", requestId, "action", action, "runAs", runAs, "result", result);
    }
}
