package io.warroom.handoff.internal;

import io.warroom.approval.AccessDecision;
import io.warroom.approval.AccessQuery;
import io.warroom.approval.Approvals;
import io.warroom.chat.Conversation;
import io.warroom.chat.Texts;
import io.warroom.directory.Person;
import io.warroom.handoff.HandoffActionRefused;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may act on a handoff, as policy data: its owner (the outgoing engineer submits, the incoming one
 * acknowledges) under risk {@code respond}; anyone else only if a policy covering risk {@code manage} for
 * that action lets them (shipped: {@code handoff-delegate}, the tech lead). A refusal is on the handoff's
 * timeline.
 */
@Component
class HandoffAccess {

    private final Approvals approvals;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandoffAccess(Approvals approvals, Texts texts, ApplicationEventPublisher events, Clock clock) {
        this.approvals = approvals;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** @return null when {@code person} may do {@code action} (e.g. {@code handoff.ack}), else why not, in words */
    String refusal(Person person, Person owner, String action, Conversation where, Handoff h, Locale l) {
        AccessDecision own = approvals.check(new AccessQuery(person, where, action, "respond", null, null));
        if (owner == null || person.id().equals(owner.id())) {
            return own.allowed() ? null : refuse(person, action, where, h, own.reason(), texts.get(l, "handoff.refused", own.reason()));
        }
        AccessDecision delegate = approvals.check(new AccessQuery(person, where, action, "manage", null, null));
        if (delegate.allowed() && own.allowed()) {
            return null;
        }
        String reason = delegate.allowed() ? own.reason() : delegate.reason();
        return refuse(person, action, where, h, reason, texts.get(l, "handoff.not-yours." + action, owner.name(), reason));
    }

    private String refuse(Person person, String action, Conversation where, Handoff h, String reason, String message) {
        events.publishEvent(new HandoffActionRefused(h == null ? where.stream() : h.stream(), clock.instant(), person.id(),
                h == null ? "" : h.publicId(), action, reason));
        return message;
    }
}
