package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.incident.Declaration;
import io.warroom.incident.Declared;
import io.warroom.incident.IncidentAlertLinked;
import io.warroom.incident.IncidentDeclared;
import io.warroom.incident.IncidentRefused;
import io.warroom.incident.IncidentRoleAssigned;
import io.warroom.incident.IncidentStatus;
import io.warroom.incident.IncidentSummary;
import io.warroom.incident.Incidents;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declaring incidents, once. The day's counter row is locked first, so declarations are serialised across
 * replicas; under that lock an idempotency key (a form's nonce, an alert group) or the same person typing
 * the same title again within a few minutes returns the incident already declared.
 */
@Service
class IncidentService implements Incidents {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final IncidentRepository incidents;
    private final RoomRepository rooms;
    private final WarRooms warRooms;
    private final Invitees invitees;
    private final IncidentCards cards;
    private final Checklists checklists;
    private final IncidentLookup lookup;
    private final AccessGuard guard;
    private final Playbook playbook;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final ChatTimes times;
    private final IncidentProperties properties;
    private final Clock clock;

    IncidentService(IncidentRepository incidents, RoomRepository rooms, WarRooms warRooms, Invitees invitees,
                    IncidentCards cards, Checklists checklists, IncidentLookup lookup, AccessGuard guard, Playbook playbook,
                    Directory directory, ApplicationEventPublisher events, Texts texts, ChatTimes times,
                    IncidentProperties properties, Clock clock) {
        this.incidents = incidents;
        this.rooms = rooms;
        this.warRooms = warRooms;
        this.invitees = invitees;
        this.cards = cards;
        this.checklists = checklists;
        this.lookup = lookup;
        this.guard = guard;
        this.playbook = playbook;
        this.directory = directory;
        this.events = events;
        this.texts = texts;
        this.times = times;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(noRollbackFor = IncidentRefused.class)
    public Declared declare(Declaration d, Locale locale) {
        if (d.title().isEmpty()) {
            throw new IncidentRefused(texts.get(locale, "incident.refused.no-title"));
        }
        if (d.title().length() > 200) {
            throw new IncidentRefused(texts.get(locale, "incident.refused.title-too-long", 200));
        }
        if (d.declaredBy() != null) {
            guard.require(d.declaredBy(), d.origin(), AccessGuard.DECLARE, d.origin().stream(), locale);
        }
        String actor = d.declaredBy() == null ? People.WARROOM : d.declaredBy().id();
        String day = DAY.format(clock.instant().atZone(times.zone()));
        int last = incidents.lockDay(day);
        // Read after the lock: a declaration that waited for it must see the one it waited for as earlier.
        Instant now = clock.instant();
        // The same key again, or the same person declaring the same title again (typed twice, or typed and then
        // sent from a form): the incident already declared, with the alert group linked if this one brings one.
        Optional<Incident> earlier = Optional.ofNullable(d.idempotencyKey()).flatMap(incidents::byDeclareKey)
                .or(() -> d.declaredBy() == null ? Optional.empty()
                        : incidents.recentTwin(actor, d.title(), now.minus(properties.duplicateWindow()), now));
        if (earlier.isPresent()) {
            if (d.alertGroup() != null && incidents.linkAlert(earlier.get().id(), d.alertGroup(), now)) {
                events.publishEvent(new IncidentAlertLinked(earlier.get().stream(), now, actor, d.alertGroup()));
                cards.refresh(earlier.get().id());
            }
            return new Declared(earlier.get().id(), false);
        }
        int seq = last + 1;
        incidents.useNumber(day, seq);
        String[] workload = workload(d);
        Incident i = new Incident(String.format(Locale.ROOT, "INC-%s-%02d", day, seq), d.severity(), d.title(),
                workload[0], workload[1], d.labels(), IncidentStatus.INVESTIGATING, actor, d.origin(), null, null, null,
                now, null, null, null, null);
        incidents.insert(i, d.idempotencyKey());
        events.publishEvent(new IncidentDeclared(i.stream(), now, actor, i.severity().name(), i.title(),
                d.origin().platform().id() + ":" + d.origin().channel(), d.alertGroup(), i.service(),
                warRooms.platformsFor(i).stream().map(Platform::id).toList()));
        String commander = d.declaredBy() != null ? actor : firstOnDuty(i, now);
        if (commander != null) {
            incidents.setRole(i.id(), Roles.COMMANDER, commander, now);
            events.publishEvent(new IncidentRoleAssigned(i.stream(), now, actor, Roles.COMMANDER, commander));
        }
        if (d.alertGroup() != null && incidents.linkAlert(i.id(), d.alertGroup(), now)) {
            events.publishEvent(new IncidentAlertLinked(i.stream(), now, actor, d.alertGroup()));
        }
        warRooms.open(i);
        warRooms.invite(i, invitees.of(i, incidents.roles(i.id()), d.alsoInvite(), now));
        cards.post(i, d.origin());
        checklists.start(i);
        return new Declared(i.id(), true);
    }

    @Override
    @Transactional(noRollbackFor = IncidentRefused.class)
    public void linkAlertGroup(String incidentId, String alertGroup, Person by) {
        Incident i = incidents.lock(incidentId).orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId));
        if (incidents.linkAlert(i.id(), alertGroup, clock.instant())) {
            events.publishEvent(new IncidentAlertLinked(i.stream(), clock.instant(), by == null ? People.WARROOM : by.id(),
                    alertGroup));
            cards.refresh(i.id());
        }
    }

    @Override
    public Optional<IncidentSummary> find(String incidentId) {
        return incidents.find(incidentId).map(this::summary);
    }

    @Override
    public List<IncidentSummary> open() {
        return incidents.open().stream().map(this::summary).toList();
    }

    @Override
    public Optional<IncidentSummary> linkedTo(Conversation conversation) {
        try {
            return lookup.linked(conversation).filter(i -> i.status().open()).map(this::summary);
        } catch (IncidentLookup.Ambiguous e) {
            return Optional.empty();
        }
    }

    private IncidentSummary summary(Incident i) {
        List<Conversation> conversations = new ArrayList<>();
        conversations.add(i.origin());
        rooms.of(i.id()).stream().filter(r -> r.channelId() != null)
                .forEach(r -> conversations.add(Conversation.of(r.platform(), r.channelId())));
        return new IncidentSummary(i.id(), i.severity(), i.title(), i.status(), incidents.roles(i.id()).get(Roles.COMMANDER),
                i.startedAt(), i.resolvedAt(), incidents.alerts(i.id()), conversations);
    }

    /** Without a person declaring, the first role the playbook invites (the primary on call) commands. */
    private String firstOnDuty(Incident i, Instant now) {
        for (String role : playbook.policy(i.severity()).invite()) {
            var holders = directory.withRole(role, now);
            if (!holders.isEmpty()) {
                return holders.get(0).id();
            }
        }
        return null;
    }

    /** The workload and namespace the checklist's commands act on: given, from the labels, or the title's first word. */
    private static String[] workload(Declaration d) {
        Map<String, String> labels = d.labels();
        String service = d.service() != null ? d.service()
                : labels.getOrDefault("service", labels.getOrDefault("deployment", labels.get("app")));
        if (service == null) {
            String first = d.title().split("\\s+")[0];
            service = Names.isWorkload(first) ? first : null;
        }
        String namespace = labels.get("namespace");
        return new String[] {Names.isWorkload(service) ? service : null, Names.isWorkload(namespace) ? namespace : null};
    }
}
