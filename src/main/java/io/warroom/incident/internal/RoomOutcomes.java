package io.warroom.incident.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.GroupCreated;
import io.warroom.delivery.GroupNotCreated;
import io.warroom.delivery.MembersNotAdded;
import io.warroom.delivery.Priority;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.incident.WarRoomNotOpened;
import io.warroom.incident.WarRoomOpened;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.warroom.chat.Platform;
import io.warroom.schedule.Tasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the outbox reports about war rooms, in the transaction that records the delivery: a room that now
 * exists (its topic is set, the checklist joins, "notify" is done), one that could not be created, and people
 * a platform refused to add. Each report may come twice (a retried send); the conditional updates make the
 * second one change nothing.
 */
@Component
class RoomOutcomes {

    private final RoomRepository rooms;
    private final IncidentRepository incidents;
    private final IncidentCards cards;
    private final Checklists checklists;
    private final WarRooms warRooms;
    private final IncidentPosts posts;
    private final Directory directory;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Tasks tasks;
    private final Clock clock;

    static final String ROOM_OPENED = "incident.room-opened";

    RoomOutcomes(RoomRepository rooms, IncidentRepository incidents, IncidentCards cards, Checklists checklists,
                 WarRooms warRooms, IncidentPosts posts, Directory directory, Texts texts,
                 ApplicationEventPublisher events, Tasks tasks, Clock clock) {
        this.rooms = rooms;
        this.incidents = incidents;
        this.cards = cards;
        this.checklists = checklists;
        this.warRooms = warRooms;
        this.posts = posts;
        this.directory = directory;
        this.texts = texts;
        this.events = events;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Records the room as open at once (its channel id is how commands typed there find the incident); the
     * rest (topic, checklist, "notify" done, the card's link) is a durable task, so the dispatcher thread that
     * reports the room goes straight on to the room's card and invitations.
     */
    @EventListener
    void created(GroupCreated e) {
        Optional<Room> room = rooms.byGroup(e.platform(), e.groupKey());
        if (room.isEmpty()) {
            return;
        }
        // The incident's row first, as every change to an incident does: no two transactions wait on each other.
        Incident i = incidents.lock(room.get().incidentId()).orElseThrow();
        if (!rooms.opened(e.platform(), e.groupKey(), e.channelId(), clock.instant())) {
            return;
        }
        events.publishEvent(new WarRoomOpened(i.stream(), clock.instant(), People.WARROOM, e.platform().id(),
                e.channelId(), room.get().name()));
        tasks.schedule(ROOM_OPENED + ":" + i.id() + ":" + e.platform().id(), ROOM_OPENED, clock.instant(),
                Map.of("incident", i.id(), "platform", e.platform().id()));
    }

    /** The room's follow-ups, queued after its card's pin: topic, who is not in it, the checklist, the card. */
    void settle(String incidentId, Platform platform) {
        Incident i = incidents.lock(incidentId).orElseThrow();
        Room open = rooms.of(i.id()).stream().filter(r -> r.platform() == platform).findFirst().orElseThrow();
        rooms.settled(i.id(), platform, clock.instant());
        cards.setTopic(i, open);
        warRooms.tellNotReached(i, open, rooms.refusedMembers(i.id(), open.platform()));
        checklists.roomOpened(i, open);
        cards.refresh(i.id());
    }

    @EventListener
    void notCreated(GroupNotCreated e) {
        Optional<Room> room = rooms.byGroup(e.platform(), e.groupKey());
        if (room.isEmpty()) {
            return;
        }
        Incident i = incidents.lock(room.get().incidentId()).orElseThrow();
        if (!rooms.failed(e.platform(), e.groupKey(), e.error())) {
            return;
        }
        events.publishEvent(new WarRoomNotOpened(i.stream(), clock.instant(), People.WARROOM, e.platform().id(), e.error()));
        posts.post(i, java.util.List.of(i.origin()), l -> OutboundMessage.builder().tone(OutboundMessage.Tone.DANGER)
                .text(texts.get(l, "incident.room.failed", texts.get(l, "incident.platform." + e.platform().id()), e.error()))
                .build(), Priority.URGENT);
        cards.refresh(i.id());
    }

    @EventListener
    void membersNotAdded(MembersNotAdded e) {
        Optional<Room> room = e.channel().startsWith(Delivery.GROUP_PREFIX)
                ? rooms.byGroup(e.platform(), e.channel().substring(Delivery.GROUP_PREFIX.length()))
                : rooms.byChannel(e.platform(), e.channel());
        if (room.isEmpty()) {
            return;
        }
        Incident i = incidents.lock(room.get().incidentId()).orElseThrow();
        Map<String, String> refused = new LinkedHashMap<>();
        e.reasons().forEach((userId, reason) -> person(e.platform(), userId).ifPresent(p -> {
            if (rooms.refused(i.id(), e.platform(), p.id(), reason)) {
                refused.put(p.id(), reason);
            }
        }));
        if (!refused.isEmpty()) {
            warRooms.notReached(i, rooms.byGroup(e.platform(), room.get().groupKey()).orElseThrow(), refused);
        }
    }

    private Optional<Person> person(io.warroom.chat.Platform platform, String userId) {
        return directory.people().stream().filter(p -> userId.equals(p.userId(platform))).findFirst();
    }
}
