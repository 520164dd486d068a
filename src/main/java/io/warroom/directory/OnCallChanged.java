package io.warroom.directory;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The on-call roster was changed from chat: someone put on call in place of the rotation ({@code change}
 * = {@code override}), two people exchanging turns ({@code swap}), or such a change cancelled from now on
 * ({@code cancel}). {@code shifts} lists who holds what, from when to when.
 */
public record OnCallChanged(String stream, Instant occurredAt, String actor, String change, String changeId,
                            String shifts, String reason) implements DomainEvent {

    @Override
    public String kind() {
        return switch (change) {
            case "override" -> "oncall.overridden";
            case "swap" -> "oncall.swapped";
            default -> "oncall.change-cancelled";
        };
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
