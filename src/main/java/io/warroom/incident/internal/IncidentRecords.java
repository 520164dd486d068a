package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.chat.Texts;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import io.warroom.timeline.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds the incident record from the timeline: the incident's own stream and its war rooms' streams (what
 * was typed, requested, approved and run there), sorted by time, each stream's hash chain verified. The
 * human fields come from the latest edits on the timeline; times and roles from the incident.
 */
@Component
class IncidentRecords {

    private final IncidentRepository incidents;
    private final RoomRepository rooms;
    private final StageRepository stages;
    private final ChecklistState checklists;
    private final RecordFields fields;
    private final StepWriter steps;
    private final People people;
    private final Timeline timeline;
    private final Texts texts;
    private final LinkedAlerts alerts;

    IncidentRecords(IncidentRepository incidents, RoomRepository rooms, StageRepository stages, ChecklistState checklists,
                    RecordFields fields, StepWriter steps, People people, Timeline timeline, Texts texts,
                    LinkedAlerts alerts) {
        this.incidents = incidents;
        this.rooms = rooms;
        this.stages = stages;
        this.checklists = checklists;
        this.fields = fields;
        this.steps = steps;
        this.people = people;
        this.timeline = timeline;
        this.texts = texts;
        this.alerts = alerts;
    }

    java.util.Optional<Postmortem> build(String id, Locale l) {
        return incidents.find(id).map(i -> build(i, l));
    }

    private Postmortem build(Incident i, Locale l) {
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put(i.stream(), texts.get(l, "incident.record.chain.incident"));
        for (Room r : rooms.of(i.id())) {
            if (r.channelId() != null) {
                streams.put(Conversation.of(r.platform(), r.channelId()).stream(),
                        texts.get(l, "incident.record.chain.room", texts.get(l, "incident.platform." + r.platform().id())));
            }
        }
        List<TimelineEntry> all = new ArrayList<>();
        List<Postmortem.Chain> chains = new ArrayList<>();
        streams.forEach((stream, label) -> {
            List<TimelineEntry> entries = timeline.entries(stream);
            all.addAll(entries);
            Verification v = timeline.verify(stream);
            chains.add(new Postmortem.Chain(stream, label, v.intact(), v.entries(), v.firstBrokenPosition(), v.reason(),
                    entries.isEmpty() ? null : entries.get(entries.size() - 1).hash()));
        });
        all.sort(Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::stream)
                .thenComparingLong(TimelineEntry::position));
        List<TimelineEntry> own = timeline.entries(i.stream());
        Map<String, String> record = fields.current(own);
        var checklist = checklists.checklist(i);
        Map<String, String> stageTitles = new LinkedHashMap<>();
        List<Postmortem.StageTime> stageTimes = new ArrayList<>();
        checklist.ifPresent(c -> stages.all(i.id()).forEach(row -> {
            var stage = c.stage(row.stageId()).orElseThrow();
            stageTitles.put(stage.id(), stage.title(l));
            Long took = row.done() ? Duration.between(row.startedAt(), row.doneAt()).toSeconds() : null;
            stageTimes.add(new Postmortem.StageTime(stage.id(), stage.title(l), took, stage.budget().toSeconds(),
                    row.doneHow(), row.doneBy() == null ? null : people.name(row.doneBy())));
        }));
        String type = record.get(RecordFields.TYPE);
        return new Postmortem(i.id(), i.severity().name(), i.title(), texts.get(l, "incident.status." + i.status().id()),
                i.startedAt(), i.identifiedAt(), i.mitigatedAt(), i.resolvedAt(), i.closedAt(),
                type == null || type.isBlank() ? null : texts.get(l, "incident.type." + type),
                record.getOrDefault(RecordFields.DESCRIPTION, i.title()), blankToNull(record.get(RecordFields.IMPACT)),
                blankToNull(record.get(RecordFields.ROOT_CAUSE)), blankToNull(record.get(RecordFields.PREVENTION)),
                steps.steps(all, stageTitles, l), stageTimes, handlers(i, all, l), alertLines(i, l), chains);
    }

    /** Everyone who took part, with what they did: roles first, then who changed things, then who was pulled in. */
    private List<Postmortem.Handler> handlers(Incident i, List<TimelineEntry> entries, Locale l) {
        Map<String, Set<String>> parts = new LinkedHashMap<>();
        incidents.roles(i.id()).forEach((role, person) ->
                parts.computeIfAbsent(person, p -> new LinkedHashSet<>()).add(texts.get(l, "incident.role." + role)));
        if (!i.declaredBy().equals(People.WARROOM)) {
            parts.computeIfAbsent(i.declaredBy(), p -> new LinkedHashSet<>()).add(texts.get(l, "incident.handler.declared"));
        }
        for (TimelineEntry e : entries) {
            String part = switch (e.kind()) {
                case "approval.requested" -> "incident.handler.requested";
                case "approval.granted" -> "incident.handler.approved";
                case "incident.status-updated", "incident.note-added" -> "incident.handler.updated";
                default -> null;
            };
            if (part != null && !e.actor().equals(People.WARROOM)) {
                parts.computeIfAbsent(e.actor(), p -> new LinkedHashSet<>()).add(texts.get(l, part));
            }
        }
        incidents.participants(i.id()).keySet().forEach(p ->
                parts.computeIfAbsent(p, x -> new LinkedHashSet<>()).add(texts.get(l, "incident.handler.invited")));
        return parts.entrySet().stream().map(e -> new Postmortem.Handler(e.getKey(), people.name(e.getKey()),
                List.copyOf(e.getValue()))).toList();
    }

    private List<String> alertLines(Incident i, Locale l) {
        return alerts.detailed(i.id(), l);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
