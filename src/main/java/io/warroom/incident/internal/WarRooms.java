package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import io.warroom.delivery.ChatPlatforms;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Person;
import io.warroom.incident.IncidentMembersInvited;
import io.warroom.incident.IncidentMembersNotReached;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Opens an incident's war rooms, one per platform, and brings people in. The room row is the claim: only
 * the call that inserts it queues the creation (with the card and its pin), so retries, double clicks and
 * replicas open one room per platform; invitations are recorded per person and room, so each is sent once
 * and a later call finishes whatever was not sent. Everything is queued in the caller's transaction.
 */
@Component
class WarRooms {

    private final Playbook playbook;
    private final ChatPlatforms platforms;
    private final RoomRepository rooms;
    private final IncidentRepository incidents;
    private final IncidentCards cards;
    private final IncidentPosts posts;
    private final People people;
    private final Outbox outbox;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WarRooms(Playbook playbook, ChatPlatforms platforms, RoomRepository rooms, IncidentRepository incidents,
             IncidentCards cards, IncidentPosts posts, People people, Outbox outbox, Texts texts,
             ApplicationEventPublisher events, Clock clock) {
        this.playbook = playbook;
        this.platforms = platforms;
        this.rooms = rooms;
        this.incidents = incidents;
        this.cards = cards;
        this.posts = posts;
        this.people = people;
        this.outbox = outbox;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Where this incident gets war rooms: Slack and Feishu when configured, and the console when it was
     * declared there; nowhere when its severity has none.
     */
    List<Platform> platformsFor(Incident i) {
        if (!playbook.policy(i.severity()).warRoom()) {
            return List.of();
        }
        Set<Platform> configured = platforms.configured();
        List<Platform> result = new ArrayList<>();
        for (Platform p : List.of(Platform.SLACK, Platform.FEISHU)) {
            if (configured.contains(p)) {
                result.add(p);
            }
        }
        if (i.origin().platform() == Platform.CONSOLE && configured.contains(Platform.CONSOLE)) {
            result.add(Platform.CONSOLE);
        }
        return result;
    }

    /** Queues the rooms this incident should have and does not have yet: create, card, pin. */
    void open(Incident i) {
        Instant now = clock.instant();
        for (Platform p : platformsFor(i)) {
            String name = name(i, p);
            if (rooms.claim(i.id(), p, i.groupKey(), name, now)) {
                Conversation room = Conversation.of(p, Delivery.groupChannel(i.groupKey()));
                // Created empty: an invitation the platform refuses must not fail the room itself.
                outbox.enqueue(Delivery.createGroup(room, i.groupKey(), name, List.of()));
                cards.post(i, room);
                outbox.enqueue(Delivery.pin(room, i.cardKey()));
            }
        }
    }

    /** Records the participants and invites those not yet invited to each room; names who cannot be reached. */
    void invite(Incident i, Map<String, String> invitees) {
        Instant now = clock.instant();
        invitees.forEach((person, reason) -> incidents.addParticipant(i.id(), person, reason, now));
        for (Room room : rooms.of(i.id())) {
            if (!room.usable()) {
                continue;
            }
            List<String> userIds = new ArrayList<>();
            List<String> invited = new ArrayList<>();
            Map<String, String> unreachable = new LinkedHashMap<>();
            for (String personId : new LinkedHashSet<>(invitees.keySet())) {
                Person person = people.get(personId).orElse(null);
                if (person == null || !rooms.invite(i.id(), room.platform(), personId, now)) {
                    continue;
                }
                String userId = person.userId(room.platform());
                if (userId == null) {
                    rooms.refused(i.id(), room.platform(), personId, "no-identity");
                    unreachable.put(personId, "no-identity");
                } else {
                    userIds.add(userId);
                    invited.add(personId);
                }
            }
            if (!userIds.isEmpty()) {
                outbox.enqueue(Delivery.invite(room.conversation(), userIds));
                events.publishEvent(new IncidentMembersInvited(i.stream(), now, People.WARROOM, room.platform().id(), invited));
            }
            if (!unreachable.isEmpty()) {
                notReached(i, room, unreachable);
            }
        }
    }

    /**
     * Records who is not in the room (no identity there, or the platform refused them) and says so in the
     * room, so nobody assumes they were reached. A room still being created hears it once it exists
     * ({@link #tellNotReached}), after its pinned card.
     */
    void notReached(Incident i, Room room, Map<String, String> reasons) {
        events.publishEvent(new IncidentMembersNotReached(i.stream(), clock.instant(), People.WARROOM,
                room.platform().id(), reasons));
        if (room.state() == Room.State.OPEN) {
            tellNotReached(i, room, reasons);
        }
    }

    void tellNotReached(Incident i, Room room, Map<String, String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        var where = room.conversation();
        var l = posts.locale(where);
        var m = OutboundMessage.builder().tone(OutboundMessage.Tone.WARNING)
                .header(texts.get(l, "incident.not-reached.header", texts.get(l, "incident.platform." + room.platform().id())));
        StringBuilder lines = new StringBuilder();
        reasons.forEach((person, reason) -> {
            people.get(person).ifPresent(p -> m.mention(unreachableMention(p, room.platform())));
            lines.append("• ").append(people.name(person)).append(": ").append(reason.equals("no-identity")
                    ? texts.get(l, "incident.not-reached.no-identity", texts.get(l, "incident.platform." + room.platform().id()))
                    : texts.get(l, "incident.not-reached.refused", reason)).append('\n');
        });
        m.text(lines.toString().strip() + "\n" + texts.get(l, "incident.not-reached.hint"));
        outbox.enqueue(Delivery.post(where, i.key("not-reached:" + clock.millis()), m.build(), Priority.URGENT));
    }

    /** A mention that names the person without pretending to notify them where they were not reached. */
    private static OutboundMessage.Mention unreachableMention(Person p, Platform where) {
        var ids = new java.util.EnumMap<>(p.mention().userIds());
        ids.remove(where);
        return new OutboundMessage.Mention(p.name(), ids);
    }

    /** Slack: {@code inc-20261130-01-backend-down} (the gateway makes it a valid channel name); elsewhere readable. */
    private String name(Incident i, Platform p) {
        if (p == Platform.SLACK) {
            return i.groupKey() + "-" + i.title();
        }
        String title = i.title().length() > 40 ? i.title().substring(0, 39) + "…" : i.title();
        return texts.get(posts.locale(Conversation.of(p, Delivery.groupChannel(i.groupKey()))), "incident.room.name",
                i.severity().name(), i.id(), title);
    }
}
