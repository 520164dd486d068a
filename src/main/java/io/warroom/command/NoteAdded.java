package io.warroom.command;

import io.warroom.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** Someone wrote a note for the record (postmortems are built from these). */
public record NoteAdded(String stream, Instant occurredAt, String actor, String text, String platform,
                        String channel) implements DomainEvent {

    @Override
    public String kind() {
        return "note.added";
    }

    @Override
    public String summary() {
        return text;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("platform", platform, "channel", channel);
    }
}
