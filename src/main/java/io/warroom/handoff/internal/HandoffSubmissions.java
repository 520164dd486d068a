package io.warroom.handoff.internal;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.directory.Person;
import io.warroom.handoff.HandoffSubmitted;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The outgoing engineer's side: submitting the form (the card goes to every on-call channel, asking the
 * incoming engineer to acknowledge) and editing it until it is acknowledged (the cards are updated).
 */
@Component
class HandoffSubmissions {

    private final HandoffRepository repository;
    private final HandoffService handoffs;
    private final HandoffForm forms;
    private final HandoffCard cards;
    private final HandoffAccess access;
    private final Outbox outbox;
    private final Texts texts;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    HandoffSubmissions(HandoffRepository repository, HandoffService handoffs, HandoffForm forms, HandoffCard cards,
                       HandoffAccess access, Outbox outbox, Texts texts,
                       org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.handoffs = handoffs;
        this.forms = forms;
        this.cards = cards;
        this.access = access;
        this.outbox = outbox;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    ActionOutcome submit(InboundAction action, Person person, Handoff h, Locale l) {
        if (h.state() == Handoff.State.ACKNOWLEDGED) {
            return ActionOutcome.refused(texts.get(l, "handoff.already-acknowledged", handoffs.person(h.acknowledgedBy()).name()));
        }
        String refusal = access.refusal(person, handoffs.person(h.outgoing()), "handoff.submit", action.conversation(), h, l);
        if (refusal != null) {
            return ActionOutcome.refused(refusal);
        }
        HandoffForm.Parsed parsed = forms.parse(action.formValues(), l);
        if (!parsed.errors().isEmpty()) {
            return ActionOutcome.invalid(parsed.errors());
        }
        Instant now = clock.instant();
        boolean first = h.state() == Handoff.State.OPEN;
        repository.submit(h.id(), parsed.values(), person.id(), now);
        Handoff submitted = repository.find(h.publicId()).orElseThrow();
        events.publishEvent(new HandoffSubmitted(submitted.stream(), now, person.id(), submitted.publicId(), submitted.edits(),
                cards.summary(submitted)));
        handoffs.publishCard(submitted, first);
        String incoming = handoffs.person(h.incoming()).name();
        return ActionOutcome.done(texts.get(l, first ? "handoff.submitted" : "handoff.edited", incoming));
    }

    ActionOutcome edit(InboundAction action, Person person, Handoff h, Locale l) {
        if (h.state() == Handoff.State.ACKNOWLEDGED) {
            return ActionOutcome.refused(texts.get(l, "handoff.already-acknowledged", handoffs.person(h.acknowledgedBy()).name()));
        }
        String refusal = access.refusal(person, handoffs.person(h.outgoing()), "handoff.submit", action.conversation(), h, l);
        if (refusal != null) {
            return ActionOutcome.refused(refusal);
        }
        outbox.enqueue(Delivery.openForm(action.conversation().channelOnly(), action.actor().userId(), action.trigger(),
                handoffs.form(h, l)));
        return ActionOutcome.done(texts.get(l, "handoff.form-opened"));
    }
}
