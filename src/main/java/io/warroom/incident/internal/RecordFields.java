package io.warroom.incident.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.incident.Incidents;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The fields of the incident record only people know, as the timeline has them: each edit is an
 * {@code incident.record-edited} entry, and the latest value of each field wins. Reading them from the
 * timeline means the record shows exactly what the verified chain holds.
 */
@Component
class RecordFields {

    static final String TYPE = "type";
    static final String DESCRIPTION = "description";
    static final String IMPACT = "impact";
    static final String ROOT_CAUSE = "root_cause";
    static final String PREVENTION = "prevention";
    static final List<String> ALL = List.of(TYPE, DESCRIPTION, IMPACT, ROOT_CAUSE, PREVENTION);
    /** The record is done when these are written (the description defaults to the title). */
    static final List<String> REQUIRED = List.of(TYPE, IMPACT, ROOT_CAUSE, PREVENTION);
    static final List<String> TYPES = List.of("outage", "degradation", "data", "security", "change", "dependency",
            "capacity", "other");
    static final int MAX = 2000;

    private final Timeline timeline;
    private final ObjectMapper json;

    RecordFields(Timeline timeline, ObjectMapper json) {
        this.timeline = timeline;
        this.json = json;
    }

    Map<String, String> current(String incidentId) {
        return current(timeline.entries(Incidents.stream(incidentId)));
    }

    Map<String, String> current(List<TimelineEntry> entries) {
        Map<String, String> values = new LinkedHashMap<>();
        for (TimelineEntry e : entries) {
            if (e.kind().equals("incident.record-edited")) {
                read(e.details()).path("fields").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
            }
        }
        return values;
    }

    static boolean complete(Map<String, String> values) {
        return REQUIRED.stream().allMatch(f -> values.getOrDefault(f, "").strip().length() > 0);
    }

    private JsonNode read(String details) {
        try {
            return json.readTree(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
