package io.warroom.incident;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The commander was reminded that the incident record is not done. */
public record IncidentRecordReminded(String stream, Instant occurredAt, String actor, String commander) implements DomainEvent {

    @Override
    public String kind() {
        return "incident.record-reminded";
    }

    @Override
    public String summary() {
        return "reminded " + commander + " to finish the incident record";
    }

    @Override
    public Map<String, Object> details() {
        return EventDetails.details("commander", commander);
    }
}
