package io.warroom.incident.internal;

import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Texts;
import io.warroom.command.CommandInbox;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.incident.Declaration;
import io.warroom.incident.IncidentRefused;
import io.warroom.incident.Incidents;
import io.warroom.incident.Severity;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clicks and forms of incidents (prefix {@code incident.}). A click proves nothing: the clicker is resolved
 * and checked against the policy again, and a checklist's command buttons re-enter the command pipeline
 * (through the command inbox), so a change still needs its approval exactly as if typed.
 */
@Component
class IncidentActions implements ActionHandler {

    private final Incidents incidents;
    private final IncidentRepository repository;
    private final Resolutions resolutions;
    private final Checklists checklists;
    private final IncidentRecords records;
    private final PostmortemChat chat;
    private final AccessGuard guard;
    private final AlertDeclarations fromAlerts;
    private final CommandInbox inbox;
    private final Directory directory;
    private final Outbox outbox;
    private final ChatLocales locales;
    private final Texts texts;

    IncidentActions(Incidents incidents, IncidentRepository repository, Resolutions resolutions, Checklists checklists,
                    IncidentRecords records, PostmortemChat chat, AccessGuard guard, AlertDeclarations fromAlerts, CommandInbox inbox,
                    Directory directory, Outbox outbox, ChatLocales locales, Texts texts) {
        this.incidents = incidents;
        this.repository = repository;
        this.resolutions = resolutions;
        this.checklists = checklists;
        this.records = records;
        this.chat = chat;
        this.guard = guard;
        this.fromAlerts = fromAlerts;
        this.inbox = inbox;
        this.directory = directory;
        this.outbox = outbox;
        this.locales = locales;
        this.texts = texts;
    }

    @Override
    public String prefix() {
        return Actions.PREFIX;
    }

    @Override
    @Transactional(noRollbackFor = IncidentRefused.class)
    public ActionOutcome handle(InboundAction a) {
        Locale l = locales.of(a.conversation());
        Person person = directory.resolve(a.actor()).orElse(null);
        if (person == null) {
            return ActionOutcome.refused(texts.get(l, "incident.refused.unknown-person"));
        }
        try {
            if (a.actionId().startsWith(Actions.DECLARE_FORM)) {
                return declare(a, person, l);
            }
            if (a.actionId().startsWith(Actions.RECORD_FORM)) {
                return record(a, person, l);
            }
            if (a.actionId().equals(Actions.ALERT_DECLARE)) {
                return fromAlerts.declare(a, person, l);
            }
            String[] value = a.value().split("\\|");
            Incident i = repository.find(value[0]).orElse(null);
            if (i == null) {
                return ActionOutcome.refused(texts.get(l, "incident.unknown", value[0]));
            }
            Conversation where = a.conversation();
            return switch (a.actionId()) {
                case Actions.RESOLVE -> {
                    resolutions.resolve(i.id(), person, where, l, a.actor().userId(), a.trigger());
                    yield ActionOutcome.done(texts.get(l, "incident.done.resolved", i.id()));
                }
                case Actions.RECORD -> {
                    outbox.enqueue(Delivery.openForm(where.channelOnly(), a.actor().userId(), a.trigger(),
                            resolutions.recordForm(i.id(), person, where, l)));
                    yield ActionOutcome.done(texts.get(l, "incident.done.form"));
                }
                case Actions.EXPORT -> {
                    guard.require(person, where, AccessGuard.READ, i.stream(), l);
                    chat.post(records.build(i.id(), l).orElseThrow(), where.channelOnly(), l);
                    yield ActionOutcome.done(texts.get(l, "incident.done.exported", i.id()));
                }
                case Actions.RUN -> run(a, i, value, l);
                case Actions.STAGE_DONE -> stageDone(i, person, where, value, l);
                default -> ActionOutcome.refused(texts.get(l, "incident.refused.unknown-action"));
            };
        } catch (IncidentRefused e) {
            return ActionOutcome.refused(e.getMessage());
        }
    }

    private ActionOutcome declare(InboundAction a, Person person, Locale l) {
        Map<String, String> f = a.formValues();
        var severity = Severity.parse(f.getOrDefault("severity", ""));
        String title = f.getOrDefault("title", "").strip();
        String service = f.getOrDefault("service", "").strip();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (severity.isEmpty()) {
            errors.put("severity", texts.get(l, "incident.form.error.severity"));
        }
        if (title.isEmpty() || title.length() > 200) {
            errors.put("title", texts.get(l, "incident.form.error.title", 200));
        }
        if (!service.isEmpty() && !Names.isWorkload(service)) {
            errors.put("service", texts.get(l, "incident.service.invalid", service));
        }
        if (!errors.isEmpty()) {
            return ActionOutcome.invalid(errors);
        }
        // The form's nonce names this declaration: a second submission (double click, retry) finds the first.
        var declared = incidents.declare(Declaration.byHand(severity.get(), title, person, a.conversation().channelOnly(),
                service.isEmpty() ? null : service, a.actionId()), l);
        return ActionOutcome.done(texts.get(l, declared.created() ? "incident.done.declared" : "incident.declare.already",
                declared.incidentId()));
    }

    private ActionOutcome record(InboundAction a, Person person, Locale l) {
        String id = a.actionId().substring(Actions.RECORD_FORM.length());
        if (repository.find(id).isEmpty()) {
            return ActionOutcome.refused(texts.get(l, "incident.unknown", id));
        }
        Map<String, String> errors = resolutions.editRecord(id, person, a.conversation(), l, a.formValues());
        return errors.isEmpty() ? ActionOutcome.done(texts.get(l, "incident.done.record", id)) : ActionOutcome.invalid(errors);
    }

    /** A checklist command button: the command is typed on the clicker's behalf and goes through every usual check. */
    private ActionOutcome run(InboundAction a, Incident i, String[] value, Locale l) {
        if (value.length != 3 || !i.status().open()) {
            return ActionOutcome.refused(texts.get(l, "incident.refused.resolved", i.id(), texts.get(l, "incident.status." + i.status().id())));
        }
        var stage = checklists.checklist(i).flatMap(c -> c.stage(value[1])).orElse(null);
        int index = parse(value[2]);
        if (stage == null || index < 0 || index >= stage.commands().size()) {
            return ActionOutcome.refused(texts.get(l, "incident.refused.unknown-action"));
        }
        String text = CommandTemplate.fill(stage.commands().get(index), i.templateValues()).orElse(null);
        if (text == null) {
            return ActionOutcome.refused(texts.get(l, "incident.checklist.no-service"));
        }
        inbox.accept(new InboundCommand(a.conversation().channelOnly(), a.actor(), text, a.trigger()));
        return ActionOutcome.done(texts.get(l, "incident.done.running", text));
    }

    private ActionOutcome stageDone(Incident i, Person person, Conversation where, String[] value, Locale l) {
        guard.require(person, where, AccessGuard.UPDATE, i.stream(), l);
        if (value.length != 2 || !checklists.complete(i, value[1], "button", person.id())) {
            return ActionOutcome.refused(texts.get(l, "incident.checklist.already-done"));
        }
        return ActionOutcome.done(texts.get(l, "incident.done.stage"));
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
