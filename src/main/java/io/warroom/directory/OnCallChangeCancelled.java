package io.warroom.directory;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** An override or swap was cancelled from now on. {@code shifts} lists who holds what, from when to when. */
public record OnCallChangeCancelled(String stream, Instant occurredAt, String actor, String changeId, String shifts,
                    String reason) implements DomainEvent {

    @Override
    public String kind() {
        return "oncall.change-cancelled";
    }

    @Override
    public String summary() {
        return "#" + changeId + " " + shifts + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("change", changeId, "shifts", shifts, "reason", reason == null ? "" : reason);
    }
}
