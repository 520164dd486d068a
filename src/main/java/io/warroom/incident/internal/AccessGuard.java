package io.warroom.incident.internal;

import io.warroom.approval.AccessQuery;
import io.warroom.approval.Approvals;
import io.warroom.chat.Conversation;
import io.warroom.chat.Texts;
import io.warroom.directory.Person;
import io.warroom.incident.IncidentActionRefused;
import io.warroom.incident.IncidentRefused;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may declare, update, resolve and write the record of incidents is policy data (risk {@code respond},
 * commands {@code incident.declare}, {@code incident.update}, {@code incident.resolve},
 * {@code incident.record}); reading (show, list, export) is risk {@code read}. A refusal is recorded on the
 * timeline and comes back as {@link IncidentRefused} with a message for the person.
 */
@Component
class AccessGuard {

    static final String DECLARE = "incident.declare";
    static final String UPDATE = "incident.update";
    static final String RESOLVE = "incident.resolve";
    static final String RECORD = "incident.record";
    static final String READ = "incident.read";

    private final Approvals approvals;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessGuard(Approvals approvals, Texts texts, ApplicationEventPublisher events, Clock clock) {
        this.approvals = approvals;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** @param stream where a refusal is recorded: the incident's stream, or the conversation's for a declaration */
    void require(Person person, Conversation where, String action, String stream, Locale locale) {
        String risk = action.equals(READ) ? "read" : "respond";
        var decision = approvals.check(new AccessQuery(person, where, action, risk, null, null));
        if (!decision.allowed()) {
            events.publishEvent(new IncidentActionRefused(stream, clock.instant(), person.id(), action, decision.reason()));
            throw new IncidentRefused(texts.get(locale, "incident.refused.policy", action, decision.reason()));
        }
    }
}
