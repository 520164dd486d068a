package io.warroom.alert.internal;

import io.warroom.alert.AlertGroupAcknowledged;
import io.warroom.alert.AlertGroupHandled;
import io.warroom.alert.AlertGroupSilenced;
import io.warroom.alert.AlertGroupUnacknowledged;
import io.warroom.alert.AlertSilenceExpired;
import io.warroom.alert.internal.routing.Routing;
import io.warroom.alert.internal.runbook.Runbooks;
import io.warroom.alert.internal.thread.AlertActions;
import io.warroom.alert.internal.thread.AlertCard;
import io.warroom.alert.internal.thread.Line;
import io.warroom.alert.internal.thread.ThreadPublisher;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.CommandInbox;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.directory.Person;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import io.warroom.shared.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do to an alert group from chat. Each change runs with the group's row locked, publishes its
 * fact, updates every root and adds a line to the threads; calls to Alertmanager happen before that
 * transaction, so no lock is held while waiting on the network. Also ends silences when they run out.
 */
@Component
class AlertResponses implements TaskHandler {

    static final String SILENCE_END = "alert.silence-end";
    static final Duration MIN_SILENCE = Duration.ofMinutes(1);
    static final Duration MAX_SILENCE = Duration.ofDays(30);
    static final int MAX_COMMENT = 500;

    private final AlertRepository repository;
    private final ThreadPublisher publisher;
    private final AlertCard card;
    private final Runbooks runbooks;
    private final Escalations escalations;
    private final AlertmanagerClient alertmanager;
    private final CommandInbox commands;
    private final Outbox outbox;
    private final Tasks tasks;
    private final Texts texts;
    private final ChatTimes times;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AlertResponses(AlertRepository repository, ThreadPublisher publisher, AlertCard card, Runbooks runbooks,
                   Escalations escalations, AlertmanagerClient alertmanager, CommandInbox commands, Outbox outbox,
                   Tasks tasks, Texts texts, ChatTimes times, ApplicationEventPublisher events, TransactionTemplate tx,
                   Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.card = card;
        this.runbooks = runbooks;
        this.escalations = escalations;
        this.alertmanager = alertmanager;
        this.commands = commands;
        this.outbox = outbox;
        this.tasks = tasks;
        this.texts = texts;
        this.times = times;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    ActionOutcome acknowledge(AlertGroup group, Person person, InboundAction click, Locale l) {
        return change(group, l, g -> {
            requireFiring(g, l);
            if (g.acked()) {
                throw new Refusal(texts.get(l, "alert.refused.already-acked", g.ackedBy()));
            }
            Instant now = clock.instant();
            repository.acknowledge(g.id(), person.id(), now);
            escalations.stop(g);
            events.publishEvent(new AlertGroupAcknowledged(g.stream(), now, person.id(), g.publicId(),
                    click.actor().platform().id()));
            return new Done(Line.of("alert.line.acked", person.name()), "alert.toast.acked");
        }, click);
    }

    ActionOutcome unacknowledge(AlertGroup group, Person person, InboundAction click, Locale l) {
        return change(group, l, g -> {
            requireFiring(g, l);
            if (!g.acked()) {
                throw new Refusal(texts.get(l, "alert.refused.not-acked"));
            }
            Instant now = clock.instant();
            repository.acknowledge(g.id(), null, null);
            var restarted = repository.find(g.id()).orElseThrow();
            if (restarted.needsAttention(now)) {
                escalations.start(restarted, now);
            }
            events.publishEvent(new AlertGroupUnacknowledged(g.stream(), now, person.id(), g.publicId(),
                    publisher.details(restarted).deadline()));
            return new Done(Line.of("alert.line.unacked", person.name()), "alert.toast.unacked");
        }, click);
    }

    ActionOutcome markResolved(AlertGroup group, Person person, InboundAction click, Locale l) {
        return change(group, l, g -> {
            if (g.handled()) {
                throw new Refusal(texts.get(l, "alert.refused.already-handled", g.handledBy()));
            }
            Instant now = clock.instant();
            repository.handle(g.id(), person.id(), now);
            escalations.stop(g);
            events.publishEvent(new AlertGroupHandled(g.stream(), now, person.id(), g.publicId(), g.firingCount()));
            return new Done(Line.of("alert.line.handled", person.name(), g.firingCount()), "alert.toast.handled");
        }, click);
    }

    /** Creates the silence in Alertmanager, then records it. {@code comment} null: a standard one. */
    ActionOutcome silence(AlertGroup g, Person person, InboundAction click, String duration, String comment, Locale l) {
        requireFiring(g, l);
        Instant now = clock.instant();
        if (g.silenced(now)) {
            throw new Refusal(texts.get(l, "alert.refused.already-silenced", times.format(g.silencedUntil())));
        }
        Duration d = Durations.parse(duration).orElseThrow(() -> new Refusal(texts.get(l, "alert.silence.bad-duration")));
        Instant until = now.plus(d);
        String why = comment != null ? comment : texts.get(l, "alert.silence.default-comment", g.publicId(), person.name());
        String id = alertmanager.createSilence(g, now, until, person.name() + " (" + person.id() + ") via Warroom", why);
        return change(g, l, locked -> {
            repository.silence(locked.id(), id, person.id(), until);
            escalations.stop(locked);
            tasks.schedule(SILENCE_END + ":" + locked.id() + ":" + id, SILENCE_END, until,
                    Map.of("group", Long.toString(locked.id()), "silence", id));
            events.publishEvent(new AlertGroupSilenced(locked.stream(), now, person.id(), locked.publicId(), id, until,
                    why, AlertCard.matchers(locked).lines().toList()));
            return new Done(Line.of("alert.line.silenced", person.name(), times.format(until), why), "alert.toast.silenced");
        }, click);
    }

    ActionOutcome openSilenceForm(AlertGroup g, Person person, InboundAction click, Locale l) {
        requireFiring(g, l);
        var form = new OutboundMessage.Form(AlertActions.SILENCE_SUBMIT + g.id(), texts.get(l, "alert.silence.form-title"),
                texts.get(l, "alert.silence.form-submit"), List.of(
                new OutboundMessage.Input("duration", texts.get(l, "alert.silence.form-duration"), OutboundMessage.InputType.TEXT,
                        true, "2h", List.of()),
                new OutboundMessage.Input("comment", texts.get(l, "alert.silence.form-comment"),
                        OutboundMessage.InputType.MULTILINE, true, null, List.of())));
        var message = OutboundMessage.builder().header(texts.get(l, "alert.silence.form-header", g.publicId()))
                .text(g.title() + "\n" + AlertCard.matchers(g)).form(form).build();
        tx.executeWithoutResult(s -> outbox.enqueue(Delivery.openForm(click.conversation(), click.actor().userId(),
                click.trigger(), message)));
        return ActionOutcome.done(texts.get(l, "alert.toast.form-opened"));
    }

    ActionOutcome submitSilenceForm(AlertGroup g, Person person, InboundAction click, Locale l) {
        String duration = click.formValues().getOrDefault("duration", "").strip();
        String comment = click.formValues().getOrDefault("comment", "").strip();
        var d = Durations.parse(duration);
        if (d.isEmpty() || d.get().compareTo(MIN_SILENCE) < 0 || d.get().compareTo(MAX_SILENCE) > 0) {
            return ActionOutcome.invalid(Map.of("duration", texts.get(l, "alert.silence.bad-duration")));
        }
        if (comment.isEmpty() || comment.length() > MAX_COMMENT) {
            return ActionOutcome.invalid(Map.of("comment", texts.get(l, "alert.silence.bad-comment", MAX_COMMENT)));
        }
        return silence(g, person, click, duration, comment, l);
    }

    ActionOutcome expire(AlertGroup g, Person person, InboundAction click, Locale l) {
        Instant now = clock.instant();
        if (!g.silenced(now) || g.silenceId() == null) {
            throw new Refusal(texts.get(l, "alert.refused.not-silenced"));
        }
        alertmanager.expireSilence(g, g.silenceId());
        return change(g, l, locked -> {
            endSilence(locked, person.id(), true, now);
            return new Done(Line.of("alert.line.silence-expired", person.name()), "alert.toast.expired");
        }, click);
    }

    ActionOutcome runCommand(AlertGroup g, InboundAction click, Locale l) {
        int index = Integer.parseInt(click.value().split(":", 2)[1]);
        List<String> commandsHere = runbooks.forLabels(g.labels()).map(r -> r.commandsFor(g.labels())).orElse(List.of());
        if (index < 0 || index >= commandsHere.size()) {
            throw new Refusal(texts.get(l, "alert.refused.missing"));
        }
        String text = commandsHere.get(index);
        // The same path as typing it in the thread: parsing, the command's policy, approval for changes.
        commands.accept(new InboundCommand(click.conversation(), click.actor(), text, click.trigger()));
        return ActionOutcome.done(texts.get(l, "alert.toast.running", text));
    }

    ActionOutcome open(AlertGroup g, InboundAction click, Locale l) {
        boolean opened = Boolean.TRUE.equals(tx.execute(s -> publisher.promote(g, click.conversation().channelOnly())));
        if (!opened) {
            throw new Refusal(texts.get(l, "alert.refused.already-open", g.publicId()));
        }
        return ActionOutcome.done(texts.get(l, "alert.toast.opened", g.publicId()));
    }

    @Override
    public String kind() {
        return SILENCE_END;
    }

    /** A silence made from Warroom ran out: the card says so, and escalation starts again if still needed. */
    @Override
    public void run(Task task) {
        AlertGroup g = repository.lock(Long.parseLong(task.get("group"))).orElse(null);
        Instant now = clock.instant();
        if (g == null || !task.get("silence").equals(g.silenceId()) || g.silenced(now)) {
            return;
        }
        endSilence(g, "warroom", false, now);
        publisher.refresh(repository.find(g.id()).orElseThrow(), List.of(Line.of("alert.line.silence-ended")), false);
    }

    private void endSilence(AlertGroup g, String actor, boolean early, Instant now) {
        repository.silence(g.id(), null, null, null);
        tasks.cancel(SILENCE_END + ":" + g.id() + ":");
        events.publishEvent(new AlertSilenceExpired(g.stream(), now, actor, g.publicId(), g.silenceId(), early));
        var after = repository.find(g.id()).orElseThrow();
        if (after.needsAttention(now)) {
            escalations.start(after, now);
        }
    }

    private record Done(Line line, String toastKey) {
    }

    /** Runs {@code work} on the locked, fresh group; then refreshes every root and answers with the clicked card. */
    private ActionOutcome change(AlertGroup group, Locale l, Function<AlertGroup, Done> work, InboundAction click) {
        return tx.execute(s -> {
            AlertGroup g = repository.lock(group.id()).orElseThrow(() -> new Refusal(texts.get(l, "alert.refused.missing")));
            Done done = work.apply(g);
            AlertGroup after = repository.find(g.id()).orElseThrow();
            publisher.refresh(after, List.of(done.line()), false);
            var outcome = ActionOutcome.done(texts.get(l, done.toastKey()));
            return click.messageRef() == null ? outcome
                    : outcome.withCard(card.root(after, publisher.details(after), runbooks.forLabels(after.labels()), l, clock.instant()));
        });
    }

    private void requireFiring(AlertGroup g, Locale l) {
        if (!g.firing()) {
            throw new Refusal(texts.get(l, "alert.refused.resolved"));
        }
    }

    /** The click cannot be done; the message says why, in the clicker's conversation's language. */
    static class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }
}
