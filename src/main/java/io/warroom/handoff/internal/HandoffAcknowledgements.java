package io.warroom.handoff.internal;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.directory.Person;
import io.warroom.handoff.HandoffAcknowledged;
import io.warroom.handoff.HandoffQuestionAsked;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The incoming engineer's side: acknowledging (only them, or whom the policy lets; it ends the reminders),
 * and questions, which anyone may ask and which become replies in the handoff's thread.
 */
@Component
class HandoffAcknowledgements {

    static final int MAX_QUESTION = 1500;

    private final HandoffRepository repository;
    private final HandoffService handoffs;
    private final HandoffCard cards;
    private final HandoffAccess access;
    private final Outbox outbox;
    private final Tasks tasks;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandoffAcknowledgements(HandoffRepository repository, HandoffService handoffs, HandoffCard cards, HandoffAccess access,
                            Outbox outbox, Tasks tasks, Texts texts, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.handoffs = handoffs;
        this.cards = cards;
        this.access = access;
        this.outbox = outbox;
        this.tasks = tasks;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    ActionOutcome acknowledge(InboundAction action, Person person, Handoff h, Locale l) {
        switch (h.state()) {
            case OPEN -> {
                return ActionOutcome.refused(texts.get(l, "handoff.not-submitted", handoffs.person(h.outgoing()).name()));
            }
            case ACKNOWLEDGED -> {
                return ActionOutcome.refused(texts.get(l, "handoff.already-acknowledged", handoffs.person(h.acknowledgedBy()).name()));
            }
            case SUBMITTED -> { }
        }
        Person incoming = handoffs.person(h.incoming());
        String refusal = access.refusal(person, incoming, "handoff.ack", action.conversation(), h, l);
        if (refusal != null) {
            return ActionOutcome.refused(refusal);
        }
        Instant now = clock.instant();
        repository.acknowledge(h.id(), person.id(), now);
        tasks.cancel(HandoffService.REMIND + ":" + h.publicId() + ":");
        Handoff done = repository.find(h.publicId()).orElseThrow();
        events.publishEvent(new HandoffAcknowledged(done.stream(), now, person.id(), done.publicId(), done.incoming()));
        handoffs.publishCard(done, false);
        return ActionOutcome.done(texts.get(l, "handoff.acknowledged"))
                .withCard(cards.card(done, handoffs.person(done.outgoing()), incoming, person, l));
    }

    /** Opens a one-field form for the question where the button was clicked. */
    ActionOutcome ask(InboundAction action, Person person, Handoff h, Locale l) {
        String refusal = access.refusal(person, null, "handoff.ask", action.conversation(), h, l);
        if (refusal != null) {
            return ActionOutcome.refused(refusal);
        }
        var form = new OutboundMessage.Form(HandoffActions.QUESTION + h.publicId(), texts.get(l, "handoff.ask.title"),
                texts.get(l, "handoff.ask.submit"), List.of(new OutboundMessage.Input("question",
                        texts.get(l, "handoff.ask.label"), OutboundMessage.InputType.MULTILINE, true, null, null)));
        outbox.enqueue(Delivery.openForm(action.conversation().channelOnly(), action.actor().userId(), action.trigger(),
                OutboundMessage.builder().header(texts.get(l, "handoff.ask.header", handoffs.person(h.outgoing()).name()))
                        .form(form).build()));
        return ActionOutcome.done(texts.get(l, "handoff.form-opened"));
    }

    ActionOutcome question(InboundAction action, Person person, Handoff h, Locale l) {
        String question = action.formValues().getOrDefault("question", "").strip();
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            return ActionOutcome.invalid(java.util.Map.of("question", texts.get(l, "handoff.ask.invalid", MAX_QUESTION)));
        }
        String refusal = access.refusal(person, null, "handoff.ask", action.conversation(), h, l);
        if (refusal != null) {
            return ActionOutcome.refused(refusal);
        }
        Person outgoing = handoffs.person(h.outgoing());
        events.publishEvent(new HandoffQuestionAsked(h.stream(), clock.instant(), person.id(), h.publicId(), question));
        handoffs.tell(h, locale -> OutboundMessage.builder().mention(outgoing.mention())
                .text(texts.get(locale, "handoff.ask.posted", person.name(), question)).build());
        return ActionOutcome.done(texts.get(l, "handoff.ask.sent", outgoing.name()));
    }
}
