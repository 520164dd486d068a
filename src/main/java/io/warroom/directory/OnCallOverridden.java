package io.warroom.directory;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone was put on call in place of the rotation (an override from chat). {@code shifts} lists who holds what, from when to when. */
public record OnCallOverridden(String stream, Instant occurredAt, String actor, String changeId, String shifts,
                    String reason) implements DomainEvent {

    @Override
    public String kind() {
        return "oncall.overridden";
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
