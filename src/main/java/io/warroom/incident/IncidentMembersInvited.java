package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** People were asked into a war room (invitations queued), by directory id. */
public record IncidentMembersInvited(String stream, Instant occurredAt, String actor, String platform, List<String> people) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.invited";
    }

    @Override
    public String summary() {
        return "invited on " + platform + ": " + String.join(", ", people);
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("platform", platform, "people", people);
    }
}
