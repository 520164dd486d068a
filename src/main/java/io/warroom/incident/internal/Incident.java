package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.incident.IncidentStatus;
import io.warroom.incident.Incidents;
import io.warroom.incident.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored incident. {@code declaredBy} is a person id or {@code warroom}. */
record Incident(String id, Severity severity, String title, String service, String namespace, Map<String, String> labels,
                IncidentStatus status, String declaredBy, Conversation origin, String latestStatus, String latestStatusBy,
                Instant latestStatusAt, Instant startedAt, Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt,
                Instant closedAt) {

    String stream() {
        return Incidents.stream(id);
    }

    /** Our own key of a message about this incident; the {@code incident:} prefix keeps it from being mirrored. */
    String key(String what) {
        return "incident:" + id + ":" + what;
    }

    String cardKey() {
        return key("card");
    }

    /** Group key of its war rooms: {@code inc-20261130-01}, the same on every platform. */
    String groupKey() {
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    /** Values for the checklist's command templates. */
    Map<String, String> templateValues() {
        Map<String, String> values = new LinkedHashMap<>();
        if (service != null) {
            values.put("service", service);
        }
        if (namespace != null) {
            values.put("namespace", namespace);
        }
        return values;
    }
}
