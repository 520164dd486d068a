package io.warroom.approval;

import io.warroom.shared.DomainEvent;
import io.warroom.shared.Text;
import io.warroom.shared.TextJson;
import java.time.Instant;
import java.util.Map;

/**
 * An approved action ran. {@code result} is the executor's summary in English (for logs and the summary
 * line); {@code resultText} is the same words unresolved, so the incident record shows them in its reader's
 * language.
 */
public record ActionExecuted(String stream, Instant occurredAt, String actor, String requestId, String action, String runAs,
                             String result, Text resultText) implements DomainEvent {

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
        return Map.of("request", requestId, "action", action, "runAs", runAs, "result", result,
                "resultText", TextJson.data(resultText));
    }
}
