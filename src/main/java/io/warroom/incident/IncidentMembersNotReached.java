package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** People who could not be brought into a war room: no identity on that platform, or the platform refused them. {@code reasons}: person id → why. */
public record IncidentMembersNotReached(String stream, Instant occurredAt, String actor, String platform, Map<String, String> reasons) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.not-reached";
    }

    @Override
    public String summary() {
        return "not reached on " + platform + ": " + reasons;
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("platform", platform, "reasons", reasons);
    }
}
