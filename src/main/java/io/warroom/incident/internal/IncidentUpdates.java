package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.delivery.Priority;
import io.warroom.directory.Person;
import io.warroom.incident.IncidentNoteAdded;
import io.warroom.incident.IncidentRefused;
import io.warroom.incident.IncidentRoleAssigned;
import io.warroom.incident.IncidentServiceChanged;
import io.warroom.incident.IncidentSeverityChanged;
import io.warroom.incident.IncidentStatus;
import io.warroom.incident.IncidentStatusUpdated;
import io.warroom.incident.Severity;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to an incident while it is worked on: status updates, severity, roles, notes, the workload. Each
 * locks the incident's row, checks the policy, records an event, updates the card everywhere and tells the
 * war rooms (status updates and severity also the channel it was declared in). Resolving is in
 * {@link Resolutions}.
 */
@Service
class IncidentUpdates {

    static final int MAX_TEXT = 1500;

    private final IncidentRepository incidents;
    private final WarRooms warRooms;
    private final Invitees invitees;
    private final IncidentCards cards;
    private final Checklists checklists;
    private final IncidentPosts posts;
    private final People people;
    private final AccessGuard guard;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final Clock clock;

    IncidentUpdates(IncidentRepository incidents, WarRooms warRooms, Invitees invitees, IncidentCards cards,
                    Checklists checklists, IncidentPosts posts, People people, AccessGuard guard,
                    ApplicationEventPublisher events, Texts texts, Clock clock) {
        this.incidents = incidents;
        this.warRooms = warRooms;
        this.invitees = invitees;
        this.cards = cards;
        this.checklists = checklists;
        this.posts = posts;
        this.people = people;
        this.guard = guard;
        this.events = events;
        this.texts = texts;
        this.clock = clock;
    }

    /** Locks the incident and makes sure it is still open (nothing changes on a resolved one). */
    Incident lockOpen(String id, Locale l) {
        Incident i = incidents.lock(id).orElseThrow(() -> new IncidentRefused(texts.get(l, "incident.unknown", id)));
        if (!i.status().open()) {
            throw new IncidentRefused(texts.get(l, "incident.refused.resolved", i.id(), texts.get(l,
                    "incident.status." + i.status().id())));
        }
        return i;
    }

    /** {@code status [investigating|identified|monitoring] <text>}. */
    @Transactional(noRollbackFor = IncidentRefused.class)
    void status(String id, Person by, Conversation where, Locale l, String words) {
        Incident i = lockOpen(id, l);
        guard.require(by, where, AccessGuard.UPDATE, i.stream(), l);
        String[] parts = words.strip().split("\\s+", 2);
        var state = IncidentStatus.parseOpenState(parts[0]);
        String text = state.isPresent() ? (parts.length > 1 ? parts[1].strip() : "") : words.strip();
        if (text.isEmpty() && state.isEmpty()) {
            throw new IncidentRefused(texts.get(l, "incident.status.empty"));
        }
        if (text.length() > MAX_TEXT) {
            throw new IncidentRefused(texts.get(l, "incident.text.too-long", MAX_TEXT));
        }
        IncidentStatus next = state.orElse(i.status());
        String shown = text.isEmpty() ? null : text;
        Instant now = clock.instant();
        incidents.setStatus(i.id(), next, shown, by.id(), now);
        events.publishEvent(new IncidentStatusUpdated(i.stream(), now, by.id(), next.id(), text));
        cards.refresh(i.id());
        posts.post(i, posts.everywhere(i), loc -> OutboundMessage.builder().tone(Tone.INFO)
                .header(texts.get(loc, "incident.post.status.header", i.id(), texts.get(loc, "incident.status." + next.id())))
                .text(text.isEmpty() ? texts.get(loc, "incident.post.status.moved", people.name(by.id()))
                        : texts.get(loc, "incident.post.status.text", people.name(by.id()), text)).build(), Priority.NORMAL);
    }

    @Transactional(noRollbackFor = IncidentRefused.class)
    void severity(String id, Person by, Conversation where, Locale l, Severity severity) {
        Incident i = lockOpen(id, l);
        guard.require(by, where, AccessGuard.UPDATE, i.stream(), l);
        if (i.severity() == severity) {
            throw new IncidentRefused(texts.get(l, "incident.severity.same", i.id(), severity.name()));
        }
        Instant now = clock.instant();
        incidents.setSeverity(i.id(), severity);
        events.publishEvent(new IncidentSeverityChanged(i.stream(), now, by.id(), i.severity().name(), severity.name()));
        Incident raised = incidents.find(i.id()).orElseThrow();
        // A higher severity may bring a war room, more people and a checklist; a lower one takes nothing away.
        warRooms.open(raised);
        warRooms.invite(raised, invitees.of(raised, incidents.roles(i.id()), java.util.List.of(), now));
        checklists.start(raised);
        cards.refresh(i.id());
        posts.post(raised, posts.everywhere(raised), loc -> OutboundMessage.builder().tone(Tone.WARNING)
                .text(texts.get(loc, "incident.post.severity", i.id(), i.severity().name(), severity.name(),
                        people.name(by.id()))).build(), Priority.NORMAL);
    }

    @Transactional(noRollbackFor = IncidentRefused.class)
    void assign(String id, Person by, Conversation where, Locale l, String role, Person who) {
        Incident i = lockOpen(id, l);
        guard.require(by, where, AccessGuard.UPDATE, i.stream(), l);
        if (who.id().equals(incidents.roles(i.id()).get(role))) {
            throw new IncidentRefused(texts.get(l, "incident.role.same", who.name(), texts.get(l, "incident.role." + role)));
        }
        Instant now = clock.instant();
        incidents.setRole(i.id(), role, who.id(), now);
        events.publishEvent(new IncidentRoleAssigned(i.stream(), now, by.id(), role, who.id()));
        warRooms.invite(i, Map.of(who.id(), "incident:" + role));
        cards.refresh(i.id());
        posts.post(i, posts.everywhere(i), loc -> OutboundMessage.builder().tone(Tone.INFO).mention(who.mention())
                .text(texts.get(loc, "incident.post.role", who.name(), texts.get(loc, "incident.role." + role),
                        people.name(by.id()))).build(), Priority.NORMAL);
    }

    /** Notes are welcome after resolve too: they go into the record. */
    @Transactional(noRollbackFor = IncidentRefused.class)
    void note(String id, Person by, Conversation where, Locale l, String text) {
        Incident i = incidents.lock(id).orElseThrow(() -> new IncidentRefused(texts.get(l, "incident.unknown", id)));
        guard.require(by, where, AccessGuard.UPDATE, i.stream(), l);
        if (text.isBlank()) {
            throw new IncidentRefused(texts.get(l, "incident.note.empty"));
        }
        if (text.length() > MAX_TEXT) {
            throw new IncidentRefused(texts.get(l, "incident.text.too-long", MAX_TEXT));
        }
        events.publishEvent(new IncidentNoteAdded(i.stream(), clock.instant(), by.id(), text.strip(), where.platform().id()));
        posts.post(i, posts.roomsOrOrigin(i), loc -> OutboundMessage.builder()
                .text(texts.get(loc, "incident.post.note", people.name(by.id()), text.strip())).build(), Priority.NORMAL);
    }

    @Transactional(noRollbackFor = IncidentRefused.class)
    void service(String id, Person by, Conversation where, Locale l, String service, String namespace) {
        Incident i = lockOpen(id, l);
        guard.require(by, where, AccessGuard.UPDATE, i.stream(), l);
        if (!Names.isWorkload(service) || (namespace != null && !Names.isWorkload(namespace))) {
            throw new IncidentRefused(texts.get(l, "incident.service.invalid", service));
        }
        incidents.setService(i.id(), service, namespace);
        events.publishEvent(new IncidentServiceChanged(i.stream(), clock.instant(), by.id(), service, namespace));
        cards.refresh(i.id());
        checklists.refresh(incidents.find(i.id()).orElseThrow());
    }
}
