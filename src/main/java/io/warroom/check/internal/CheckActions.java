package io.warroom.check.internal;

import io.warroom.approval.AccessDecision;
import io.warroom.approval.AccessQuery;
import io.warroom.approval.Approvals;
import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Texts;
import io.warroom.check.CheckActionRefused;
import io.warroom.check.ReminderDone;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buttons of reports and reminders: {@code check.rerun} (run the same checks again; value = the run's id)
 * and {@code check.done} (value = the reminder occurrence's id). Each click is re-checked against the
 * policy: a re-run needs the {@code read} policy, marking done the {@code respond} policy.
 */
@Component
class CheckActions implements ActionHandler {

    private final CheckCatalog catalog;
    private final CheckRunRepository runs;
    private final ManualCheckHandler manual;
    private final ReminderRepository reminders;
    private final ReminderCards cards;
    private final Approvals approvals;
    private final Directory directory;
    private final Outbox outbox;
    private final CheckProperties properties;
    private final ChatLocales locales;
    private final ChatTimes times;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckActions(CheckCatalog catalog, CheckRunRepository runs, ManualCheckHandler manual, ReminderRepository reminders,
                 ReminderCards cards, Approvals approvals, Directory directory, Outbox outbox, CheckProperties properties,
                 ChatLocales locales, ChatTimes times, Texts texts, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.runs = runs;
        this.manual = manual;
        this.reminders = reminders;
        this.cards = cards;
        this.approvals = approvals;
        this.directory = directory;
        this.outbox = outbox;
        this.properties = properties;
        this.locales = locales;
        this.times = times;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return "check.";
    }

    @Override
    @Transactional
    public ActionOutcome handle(InboundAction action) {
        Locale l = locales.of(action.conversation());
        Person person = directory.resolve(action.actor()).orElse(null);
        if (person == null) {
            return ActionOutcome.refused(texts.get(l, "check.unknown-person"));
        }
        return switch (action.actionId()) {
            case CheckReports.RERUN -> rerun(action, person, l);
            case ReminderCards.DONE -> done(action, person, l);
            default -> ActionOutcome.refused(texts.get(l, "check.unknown-action"));
        };
    }

    private ActionOutcome rerun(InboundAction action, Person person, Locale l) {
        var run = runs.run(action.value()).orElse(null);
        var list = run == null ? null : catalog.list(run.listId()).orElse(null);
        if (list == null) {
            return ActionOutcome.refused(texts.get(l, "check.rerun.gone"));
        }
        String refusal = refusal(person, action.conversation(), "check.run", "read", l);
        if (refusal != null) {
            return ActionOutcome.refused(refusal);
        }
        Check only = run.onlyCheck() == null ? null
                : list.checks().stream().filter(c -> c.id().equals(run.onlyCheck())).findFirst().orElse(null);
        manual.queue(list, only, "rerun", person.id(), action.conversation());
        return ActionOutcome.done(texts.get(l, "check.rerun.queued", list.name(l)));
    }

    private ActionOutcome done(InboundAction action, Person person, Locale l) {
        var occurrence = reminders.find(action.value()).orElse(null);
        var reminder = occurrence == null ? null : catalog.reminder(occurrence.reminderId()).orElse(null);
        if (reminder == null) {
            return ActionOutcome.refused(texts.get(l, "check.reminder.gone"));
        }
        String refusal = refusal(person, action.conversation(), "check.reminder-done", "respond", l);
        if (refusal != null) {
            return ActionOutcome.refused(refusal);
        }
        Instant now = clock.instant();
        if (!reminders.markDone(occurrence.publicId(), person.id(), now)) {
            var current = reminders.find(occurrence.publicId()).orElseThrow();
            String by = directory.person(current.doneBy()).map(Person::name).orElse(current.doneBy());
            return ActionOutcome.refused(texts.get(l, "check.reminder.already", by, times.format(current.doneAt())));
        }
        events.publishEvent(new ReminderDone(ReminderHandler.STREAM, now, person.id(), reminder.id(), occurrence.publicId(),
                occurrence.slot()));
        for (Conversation c : properties.conversations()) {
            outbox.enqueue(Delivery.update(c, ReminderCards.key(occurrence.publicId()),
                    cards.done(reminder, occurrence.slot(), person, now, locales.of(c)), Priority.NORMAL));
        }
        return ActionOutcome.done(texts.get(l, "check.reminder.marked", reminder.names().in(l)))
                .withCard(cards.done(reminder, occurrence.slot(), person, now, l));
    }

    /** The policy's refusal in words (and on the timeline), or null when allowed. */
    String refusal(Person person, Conversation where, String action, String risk, Locale l) {
        AccessDecision d = approvals.check(new AccessQuery(person, where, action, risk, null, null));
        if (d.allowed()) {
            return null;
        }
        events.publishEvent(new CheckActionRefused(where.stream(), clock.instant(), person.id(), action, d.reason()));
        return texts.get(l, "check.refused", d.reason());
    }
}
