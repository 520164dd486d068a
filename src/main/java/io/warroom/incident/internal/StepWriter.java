package io.warroom.incident.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.Texts;
import io.warroom.shared.Text;
import io.warroom.shared.TextJson;
import io.warroom.timeline.TimelineEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns timeline entries into the record's "steps taken", in the reader's language: the incident's own
 * events, commands run in its war rooms, and each approved change as one step (what ran, who asked, who
 * approved, the result). Entries that are the record itself or repeat another one are left out.
 */
@Component
class StepWriter {

    private final People people;
    private final Texts texts;
    private final ChatTimes times;
    private final ObjectMapper json;

    StepWriter(People people, Texts texts, ChatTimes times, ObjectMapper json) {
        this.people = people;
        this.texts = texts;
        this.times = times;
        this.json = json;
    }

    /** {@code stageTitles}: stage id → its title in the reader's language. Entries must be sorted by time. */
    List<Postmortem.Step> steps(List<TimelineEntry> entries, Map<String, String> stageTitles, Locale l) {
        List<Postmortem.Step> steps = new ArrayList<>();
        Map<String, Change> changes = new LinkedHashMap<>();
        for (TimelineEntry e : entries) {
            JsonNode d = read(e.details());
            String request = d.path("request").asText(null);
            if (e.kind().startsWith("approval.") || e.kind().startsWith("action.")) {
                if (request != null && !e.kind().equals("approval.click-refused")) {
                    changes.computeIfAbsent(request, r -> new Change()).add(e, d);
                }
                continue;
            }
            text(e, d, stageTitles, l).ifPresent(what -> steps.add(new Postmortem.Step(e.occurredAt(), people.name(e.actor()), what)));
        }
        changes.values().forEach(c -> steps.add(c.step(l)));
        steps.sort(java.util.Comparator.comparing(Postmortem.Step::at));
        return steps;
    }

    private Optional<String> text(TimelineEntry e, JsonNode d, Map<String, String> stageTitles, Locale l) {
        String k = "incident.step." + e.kind().replace("incident.", "");
        return Optional.ofNullable(switch (e.kind()) {
            case "incident.declared" -> texts.get(l, k, d.path("severity").asText(), d.path("title").asText());
            case "incident.war-room-opened", "incident.war-room-failed" ->
                    texts.get(l, k, platform(d, l), d.path("error").asText(""));
            case "incident.invited" -> texts.get(l, k, platform(d, l), names(d.path("people")));
            case "incident.not-reached" -> texts.get(l, k, platform(d, l), names(d.path("reasons")));
            case "incident.status-updated" -> texts.get(l, k, texts.get(l, "incident.status." + d.path("status").asText()),
                    d.path("text").asText());
            case "incident.severity-changed" -> texts.get(l, k, d.path("from").asText(), d.path("to").asText());
            case "incident.role-assigned" -> texts.get(l, k, texts.get(l, "incident.role." + d.path("role").asText()),
                    people.name(d.path("person").asText()));
            case "incident.note-added" -> texts.get(l, k, d.path("text").asText());
            case "incident.service-changed" -> texts.get(l, k, d.path("service").asText());
            case "incident.stage-completed" -> texts.get(l, k, stageTitles.getOrDefault(d.path("stage").asText(),
                    d.path("stage").asText()), texts.get(l, "incident.checklist.how." + d.path("how").asText()),
                    times.duration(Duration.ofSeconds(d.path("elapsedSeconds").asLong()), l),
                    times.duration(Duration.ofSeconds(d.path("budgetSeconds").asLong()), l));
            case "incident.stage-overdue" -> texts.get(l, k, stageTitles.getOrDefault(d.path("stage").asText(),
                    d.path("stage").asText()), times.duration(Duration.ofSeconds(d.path("budgetSeconds").asLong()), l));
            case "incident.resolved" -> texts.get(l, k, times.duration(Duration.ofSeconds(d.path("durationSeconds").asLong()), l));
            case "incident.closed", "incident.record-reminded" -> texts.get(l, k);
            case "incident.alert-linked" -> texts.get(l, k, d.path("alertGroup").asText());
            case "incident.refused" -> texts.get(l, k, d.path("action").asText(), d.path("reason").asText());
            case "command.received" -> command(d, l);
            // The record's own edits are the record; notes typed in a room are copied to the incident already.
            case "incident.record-edited", "note.added" -> null;
            default -> e.summary();
        });
    }

    /** Commands typed in a war room; incident commands are on the incident's own timeline already. */
    private String command(JsonNode d, Locale l) {
        String text = d.path("text").asText();
        String first = text.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (first.equals("incident") || first.equals("note") || first.equals("incidents")) {
            return null;
        }
        String outcome = d.path("outcome").asText("ok");
        return texts.get(l, "incident.step.command", text, outcome.equals("ok") ? "" : " (" + outcome + ")");
    }

    private String platform(JsonNode d, Locale l) {
        return texts.get(l, "incident.platform." + d.path("platform").asText());
    }

    private String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> names.add(people.name(n.asText())));
        } else {
            node.fields().forEachRemaining(f -> names.add(people.name(f.getKey()) + " (" + f.getValue().asText() + ")"));
        }
        return String.join(", ", names);
    }

    private JsonNode read(String details) {
        try {
            return json.readTree(details);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** One approved (or not) change, gathered from its approval's entries. */
    private final class Change {
        java.time.Instant at;
        String action;
        String requester;
        final List<String> approvers = new ArrayList<>();
        String outcome;
        Text said;
        String rollout;

        /** Entries written before the words were kept unresolved have only the English. */
        private void outcome(String what, JsonNode d, String field) {
            outcome = what;
            said = d.has(field + "Text") ? TextJson.text(d.get(field + "Text")) : Text.plain(d.path(field).asText());
        }

        void add(TimelineEntry e, JsonNode d) {
            action = action == null ? d.path("action").asText() : action;
            switch (e.kind()) {
                case "approval.requested" -> {
                    requester = e.actor();
                    at = e.occurredAt();
                }
                case "approval.granted" -> approvers.add(people.name(e.actor()));
                case "action.executed" -> outcome("executed", d, "result");
                case "action.failed" -> outcome("failed", d, "message");
                case "approval.rejected", "approval.expired", "approval.cancelled" -> {
                    outcome = e.kind().substring(9);
                    said = Text.plain("");
                }
                case "action.rollout-finished" -> rollout = d.path("state").asText();
                default -> { }
            }
            at = at == null ? e.occurredAt() : at;
        }

        Postmortem.Step step(Locale l) {
            String result = texts.get(l, "incident.step.change." + (outcome == null ? "pending" : outcome),
                    outcome == null ? "" : texts.get(l, said))
                    + (rollout == null ? "" : " " + texts.get(l, "incident.step.change.rollout",
                    texts.get(l, "incident.step.rollout." + rollout)));
            return new Postmortem.Step(at, people.name(requester), texts.get(l, "incident.step.change", action,
                    approvers.isEmpty() ? "—" : String.join(", ", approvers), result));
        }
    }
}
