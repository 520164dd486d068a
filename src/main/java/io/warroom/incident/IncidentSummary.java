package io.warroom.incident;

import io.warroom.chat.Conversation;
import java.time.Instant;
import java.util.List;

/**
 * An incident as other modules see it (the handoff lists open ones; the alert module links its thread).
 * {@code conversations} are the origin and the war rooms that exist so far (with their platform ids).
 */
public record IncidentSummary(String id, Severity severity, String title, IncidentStatus status, String commander,
                              Instant startedAt, Instant resolvedAt, List<String> alertGroups,
                              List<Conversation> conversations) {

    public IncidentSummary {
        alertGroups = List.copyOf(alertGroups);
        conversations = List.copyOf(conversations);
    }
}
