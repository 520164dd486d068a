package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Person;
import io.warroom.incident.IncidentClosed;
import io.warroom.incident.IncidentRecordEdited;
import io.warroom.incident.IncidentRefused;
import io.warroom.incident.IncidentResolved;
import io.warroom.incident.IncidentStatus;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolving an incident and writing its record. Resolving asks the resolver for the record's human fields
 * at once (a Slack modal, a Feishu card form, a console form) and schedules a reminder to the commander in
 * case it is not done in time; each edit of the record is an event on the timeline, and a resolved incident
 * whose record is complete is closed.
 */
@Service
class Resolutions {

    static final String REMINDER = "incident.record-reminder";

    private final IncidentRepository incidents;
    private final IncidentUpdates updates;
    private final IncidentCards cards;
    private final Checklists checklists;
    private final IncidentPosts posts;
    private final IncidentForms forms;
    private final RecordFields fields;
    private final People people;
    private final AccessGuard guard;
    private final Outbox outbox;
    private final Tasks tasks;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final ChatTimes times;
    private final IncidentProperties properties;
    private final Clock clock;

    Resolutions(IncidentRepository incidents, IncidentUpdates updates, IncidentCards cards, Checklists checklists,
                IncidentPosts posts, IncidentForms forms, RecordFields fields, People people, AccessGuard guard,
                Outbox outbox, Tasks tasks, ApplicationEventPublisher events, Texts texts, ChatTimes times,
                IncidentProperties properties, Clock clock) {
        this.incidents = incidents;
        this.updates = updates;
        this.cards = cards;
        this.checklists = checklists;
        this.posts = posts;
        this.forms = forms;
        this.fields = fields;
        this.people = people;
        this.guard = guard;
        this.outbox = outbox;
        this.tasks = tasks;
        this.events = events;
        this.texts = texts;
        this.times = times;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param userId  the resolver's user id on {@code where}'s platform, to show them the record form
     * @param trigger the interaction's handle, so Slack can open the form as a modal
     */
    @Transactional(noRollbackFor = IncidentRefused.class)
    void resolve(String id, Person by, Conversation where, Locale l, String userId, String trigger) {
        Incident i = updates.lockOpen(id, l);
        guard.require(by, where, AccessGuard.RESOLVE, i.stream(), l);
        Instant now = clock.instant();
        incidents.setStatus(i.id(), IncidentStatus.RESOLVED, null, by.id(), now);
        Duration took = Duration.between(i.startedAt(), now);
        events.publishEvent(new IncidentResolved(i.stream(), now, by.id(), took.toSeconds()));
        Incident resolved = incidents.find(i.id()).orElseThrow();
        checklists.resolved(resolved);
        tasks.schedule(REMINDER + ":" + i.id(), REMINDER, now.plus(properties.recordReminder()), Map.of("incident", i.id()));
        posts.post(resolved, posts.everywhere(resolved), loc -> OutboundMessage.builder().tone(Tone.SUCCESS)
                .header(texts.get(loc, "incident.post.resolved.header", i.id()))
                .text(texts.get(loc, "incident.post.resolved", people.name(by.id()), times.duration(took, loc)))
                .build(), Priority.NORMAL);
        Map<String, String> record = fields.current(i.id());
        if (RecordFields.complete(record)) {
            close(resolved, by.id(), now);
        } else if (userId != null) {
            outbox.enqueue(Delivery.openForm(where.channelOnly(), userId, trigger, forms.record(resolved, record, l)));
        }
        cards.refresh(i.id());
    }

    /** The record form, filled with what is known, for {@code by} to complete or edit. */
    OutboundMessage recordForm(String id, Person by, Conversation where, Locale l) {
        Incident i = incidents.find(id).orElseThrow(() -> new IncidentRefused(texts.get(l, "incident.unknown", id)));
        guard.require(by, where, AccessGuard.RECORD, i.stream(), l);
        return forms.record(i, fields.current(i.id()), l);
    }

    /**
     * Saves a record form. Only fields whose value changed are recorded.
     * @return errors by input name (nothing saved), or an empty map when saved
     */
    @Transactional(noRollbackFor = IncidentRefused.class)
    Map<String, String> editRecord(String id, Person by, Conversation where, Locale l, Map<String, String> submitted) {
        Incident i = incidents.lock(id).orElseThrow(() -> new IncidentRefused(texts.get(l, "incident.unknown", id)));
        guard.require(by, where, AccessGuard.RECORD, i.stream(), l);
        Map<String, String> errors = new LinkedHashMap<>();
        String type = submitted.getOrDefault(RecordFields.TYPE, "").strip();
        if (!type.isEmpty() && !RecordFields.TYPES.contains(type)) {
            errors.put(RecordFields.TYPE, texts.get(l, "incident.record.bad-type", String.join(", ", RecordFields.TYPES)));
        }
        for (String f : RecordFields.ALL) {
            if (submitted.getOrDefault(f, "").length() > RecordFields.MAX) {
                errors.put(f, texts.get(l, "incident.text.too-long", RecordFields.MAX));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Map<String, String> current = fields.current(i.id());
        Map<String, String> changed = new LinkedHashMap<>();
        for (String f : RecordFields.ALL) {
            String value = submitted.get(f);
            if (value != null && !value.strip().equals(current.getOrDefault(f, "").strip())) {
                changed.put(f, value.strip());
            }
        }
        Instant now = clock.instant();
        if (!changed.isEmpty()) {
            events.publishEvent(new IncidentRecordEdited(i.stream(), now, by.id(), changed));
        }
        current.putAll(changed);
        if (i.status() == IncidentStatus.RESOLVED && RecordFields.complete(current)) {
            close(i, by.id(), now);
        }
        cards.refresh(i.id());
        return Map.of();
    }

    private void close(Incident i, String by, Instant now) {
        incidents.setStatus(i.id(), IncidentStatus.CLOSED, null, by, now);
        events.publishEvent(new IncidentClosed(i.stream(), now, by));
        tasks.cancel(REMINDER + ":" + i.id());
        checklists.recordDone(incidents.find(i.id()).orElseThrow(), by);
    }
}
