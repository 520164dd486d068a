package io.warroom.incident.internal;

import io.warroom.approval.ActionExecuted;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import io.warroom.command.NoteAdded;
import io.warroom.delivery.Priority;
import io.warroom.incident.IncidentNoteAdded;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What happens in an incident's conversations that the incident takes note of: a {@code /warroom note}
 * (copied to the incident's timeline and shown in every war room) and an approved action that ran in a war
 * room (which may complete a checklist stage, e.g. recover by restart). Handled after the original has
 * committed, in a transaction of its own, so the incident's locks are never taken inside another module's.
 */
@Component
class RoomActivity {

    private final IncidentLookup lookup;
    private final IncidentRepository incidents;
    private final Checklists checklists;
    private final IncidentPosts posts;
    private final People people;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoomActivity(IncidentLookup lookup, IncidentRepository incidents, Checklists checklists, IncidentPosts posts,
                 People people, Texts texts, ApplicationEventPublisher events, Clock clock) {
        this.lookup = lookup;
        this.incidents = incidents;
        this.checklists = checklists;
        this.posts = posts;
        this.people = people;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void noted(NoteAdded note) {
        Conversation where = Conversation.of(Platform.fromId(note.platform()), note.channel());
        Optional<Incident> incident;
        try {
            incident = lookup.linked(where);
        } catch (IncidentLookup.Ambiguous e) {
            return;
        }
        incident.flatMap(i -> incidents.lock(i.id())).ifPresent(i -> {
            events.publishEvent(new IncidentNoteAdded(i.stream(), clock.instant(), note.actor(), note.text(), note.platform()));
            posts.post(i, posts.roomsOrOrigin(i), l -> OutboundMessage.builder()
                    .text(texts.get(l, "incident.post.note", people.name(note.actor()), note.text())).build(), Priority.NORMAL);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void executed(ActionExecuted e) {
        conversationOf(e.stream()).flatMap(lookup::room).flatMap(r -> incidents.lock(r.incidentId()))
                .filter(i -> i.status().open())
                .ifPresent(i -> checklists.actionExecuted(i, e.action(), e.actor()));
    }

    /** {@code conversation:slack:C123} → the conversation; other streams are no conversation. */
    static Optional<Conversation> conversationOf(String stream) {
        String[] parts = stream.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("conversation")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Conversation.of(Platform.fromId(parts[1]), parts[2]));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
