package io.warroom.handoff.internal;

import io.warroom.alert.AlertGroupSummary;
import io.warroom.alert.Alerts;
import io.warroom.approval.Approvals;
import io.warroom.approval.ExecutedAction;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.Texts;
import io.warroom.check.CheckResults;
import io.warroom.check.FailedCheck;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.incident.IncidentSummary;
import io.warroom.incident.Incidents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What Warroom knows for a shift, to pre-fill the handoff form: one method per source, each returning a
 * {@link Section} that is either available (with its items, possibly none) or not available. Open incidents
 * are not available until the incident module exists: its method is where that source goes in.
 */
@Component
class HandoffPrefill {

    /** An interval: the outgoing engineer's shift, or the incoming engineer's next one. */
    record Window(Instant from, Instant to) {
    }

    /** One source's findings; {@code key} is one of {@link #KEYS}. */
    record Section(String key, boolean available, List<String> items) {
        Section {
            items = List.copyOf(items);
        }

        static Section unavailable(String key) {
            return new Section(key, false, List.of());
        }

        boolean empty() {
            return available && items.isEmpty();
        }
    }

    /** Everything gathered for one form, in the order the form shows it. */
    record Prefill(List<Section> sections) {
        Section get(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        }
    }

    static final List<String> KEYS = List.of("incidents", "alerts", "actions", "silences", "checks");

    private final Approvals approvals;
    private final Alerts alerts;
    private final Incidents incidents;
    private final CheckResults checks;
    private final Directory directory;
    private final ChatTimes times;
    private final Texts texts;

    HandoffPrefill(Approvals approvals, Alerts alerts, Incidents incidents, CheckResults checks, Directory directory, ChatTimes times, Texts texts) {
        this.approvals = approvals;
        this.alerts = alerts;
        this.incidents = incidents;
        this.checks = checks;
        this.directory = directory;
        this.times = times;
        this.texts = texts;
    }

    Prefill gather(Window shift, Window next, Locale l) {
        return new Prefill(List.of(openIncidents(shift, l), alertGroups(shift, l), privilegedActions(shift, l),
                expiringSilences(next, l), failedChecks(shift, l)));
    }

    /** Incidents not resolved at the handover, most severe first, with their status and commander. */
    Section openIncidents(Window shift, Locale l) {
        List<String> items = new ArrayList<>();
        for (IncidentSummary i : incidents.open()) {
            String commander = i.commander() == null ? texts.get(l, "handoff.prefill.incident.no-commander") : name(i.commander());
            items.add(texts.get(l, "handoff.prefill.incident", i.id(), i.severity().name(), i.title(),
                    texts.get(l, "incident.status." + i.status().id()), time(i.startedAt(), l), commander));
        }
        return new Section("incidents", true, items);
    }

    /** Alert groups still firing at the handover, with whether anyone acknowledged them. */
    Section alertGroups(Window shift, Locale l) {
        List<String> items = new ArrayList<>();
        for (AlertGroupSummary g : alerts.firing()) {
            String state = g.ackedBy() != null ? texts.get(l, "handoff.prefill.alert.acked", name(g.ackedBy()))
                    : g.handledBy() != null ? texts.get(l, "handoff.prefill.alert.handled", name(g.handledBy()))
                    : texts.get(l, "handoff.prefill.alert.open");
            items.add(texts.get(l, "handoff.prefill.alert", g.id(), g.severity(), g.title(), time(g.firstSeen(), l), state));
        }
        return new Section("alerts", true, items);
    }

    /** Silences made from Warroom that end during the incoming engineer's shift: the alerts come back then. */
    Section expiringSilences(Window next, Locale l) {
        List<String> items = new ArrayList<>();
        for (AlertGroupSummary g : alerts.silencesEnding(next.from(), next.to())) {
            items.add(texts.get(l, "handoff.prefill.silence", g.id(), g.title(), time(g.silencedUntil(), l),
                    name(g.silencedBy())));
        }
        return new Section("silences", true, items);
    }

    /** Privileged actions approved during the shift, with who asked, who approved and how they ended. */
    Section privilegedActions(Window shift, Locale l) {
        List<String> items = new ArrayList<>();
        for (ExecutedAction a : approvals.executedBetween(shift.from(), shift.to())) {
            List<String> approvers = a.approvers().stream().map(this::name).toList();
            items.add(texts.get(l, "handoff.prefill.action", time(a.at(), l), a.commandText(), name(a.requester()),
                    String.join(", ", approvers), texts.get(l, "handoff.prefill.action." + a.state().toLowerCase(Locale.ROOT))));
        }
        return new Section("actions", true, items);
    }

    /** Checks that failed during the shift, one line per check: when, and what the latest failure said. */
    Section failedChecks(Window shift, Locale l) {
        Map<String, List<FailedCheck>> byCheck = new LinkedHashMap<>();
        for (FailedCheck f : checks.failedBetween(shift.from(), shift.to(), l)) {
            byCheck.computeIfAbsent(f.listId() + "/" + f.checkId(), k -> new ArrayList<>()).add(f);
        }
        List<String> items = new ArrayList<>();
        for (List<FailedCheck> failures : byCheck.values()) {
            FailedCheck last = failures.get(failures.size() - 1);
            String when = String.join(", ", failures.stream().map(f -> time(f.at(), l)).toList());
            items.add(texts.get(l, "handoff.prefill.check", when, last.name(), last.detail()));
        }
        return new Section("checks", true, items);
    }

    private String name(String personId) {
        return directory.person(personId).map(Person::name).orElse(personId);
    }

    private String time(Instant t, Locale l) {
        return times.format(t);
    }
}
