package io.warroom.check;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** A list of checks ran ({@code trigger}: schedule, command or rerun); {@code failures} names what failed. */
public record CheckRunFinished(String stream, Instant occurredAt, String actor, String runId, String listId,
                               String trigger, int passed, int failed, String failures) implements DomainEvent {

    @Override
    public String kind() {
        return "check.run-finished";
    }

    @Override
    public String summary() {
        return listId + " (" + trigger + "): " + passed + " passed, " + failed + " failed"
                + (failed == 0 ? "" : ": " + failures);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("run", runId, "list", listId, "trigger", trigger, "passed", passed, "failed", failed,
                "failures", failures);
    }
}
