package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Style;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.incident.IncidentStatus;
import io.warroom.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The incident card (id, severity, status, roles, latest status update, times, alerts, war rooms, links)
 * and the war rooms' topic. The card is posted once per conversation under one key and updated in place
 * everywhere on every change.
 */
@Component
class IncidentCards {

    private final IncidentRepository incidents;
    private final RoomRepository rooms;
    private final People people;
    private final IncidentPosts posts;
    private final Outbox outbox;
    private final Texts texts;
    private final ChatTimes times;
    private final IncidentProperties properties;
    private final LinkedAlerts alerts;

    IncidentCards(IncidentRepository incidents, RoomRepository rooms, People people, IncidentPosts posts, Outbox outbox,
                  Texts texts, ChatTimes times, IncidentProperties properties, LinkedAlerts alerts) {
        this.incidents = incidents;
        this.rooms = rooms;
        this.people = people;
        this.posts = posts;
        this.outbox = outbox;
        this.texts = texts;
        this.times = times;
        this.properties = properties;
        this.alerts = alerts;
    }

    void post(Incident i, Conversation where) {
        outbox.enqueue(Delivery.post(where, i.cardKey(), card(i, posts.locale(where)), Priority.URGENT));
    }

    /** The card, again, wherever it was posted; and the war rooms' topics where they changed. */
    void refresh(String incidentId) {
        Incident i = incidents.find(incidentId).orElseThrow();
        for (Conversation c : posts.everywhere(i)) {
            outbox.enqueue(Delivery.update(c, i.cardKey(), card(i, posts.locale(c)), Priority.URGENT));
        }
        for (Room room : rooms.of(i.id())) {
            if (room.state() == Room.State.OPEN) {
                setTopic(i, room);
            }
        }
    }

    /** Sets the room's topic unless it already says that (topics are rate-limited, and people see each change). */
    void setTopic(Incident i, Room room) {
        String topic = topic(i, posts.locale(room.conversation()));
        if (!topic.equals(room.topic())) {
            rooms.topic(i.id(), room.platform(), topic);
            outbox.enqueue(Delivery.setTopic(room.conversation(), topic));
        }
    }

    String topic(Incident i, Locale l) {
        String commander = incidents.roles(i.id()).get(Roles.COMMANDER);
        return texts.get(l, "incident.topic", i.severity().name(), status(i.status(), l), people.name(commander), i.title());
    }

    OutboundMessage card(Incident i, Locale l) {
        Map<String, String> roles = incidents.roles(i.id());
        var m = OutboundMessage.builder()
                .header(texts.get(l, "incident.card.header", i.severity().name(), i.id(), i.title()))
                .tone(tone(i))
                .text(i.latestStatus() == null ? texts.get(l, "incident.card.no-status")
                        : texts.get(l, "incident.card.latest", people.name(i.latestStatusBy()),
                        times.format(i.latestStatusAt()), i.latestStatus()));
        m.field(texts.get(l, "incident.card.status"), status(i.status(), l));
        for (String role : Roles.ALL) {
            if (roles.containsKey(role) || role.equals(Roles.COMMANDER)) {
                m.field(texts.get(l, "incident.role." + role), people.name(roles.get(role)));
            }
        }
        m.field(texts.get(l, "incident.card.started"), times.format(i.startedAt()));
        if (i.resolvedAt() != null) {
            m.field(texts.get(l, "incident.card.resolved"), times.format(i.resolvedAt()) + " ("
                    + times.duration(Duration.between(i.startedAt(), i.resolvedAt()), l) + ")");
        }
        if (i.service() != null) {
            m.field(texts.get(l, "incident.card.service"), i.namespace() == null ? i.service() : i.namespace() + "/" + i.service());
        }
        List<String> linked = alerts.brief(i.id(), l);
        if (!linked.isEmpty()) {
            m.field(texts.get(l, "incident.card.alerts"), String.join(", ", linked));
        }
        List<Room> warRooms = rooms.of(i.id());
        if (!warRooms.isEmpty()) {
            m.field(texts.get(l, "incident.card.rooms"), String.join(", ", warRooms.stream().map(r ->
                    texts.get(l, "incident.platform." + r.platform().id()) + ": "
                            + texts.get(l, "incident.room.state." + r.state().name().toLowerCase(Locale.ROOT))).toList()));
        }
        if (i.status().open() && roles.containsKey(Roles.COMMANDER)) {
            people.mention(roles.get(Roles.COMMANDER)).ifPresent(m::mention);
        }
        for (Room r : warRooms) {
            String template = properties.roomLinks().get(r.platform().id());
            if (r.channelId() != null && template != null) {
                m.link(texts.get(l, "incident.card.room-link", texts.get(l, "incident.platform." + r.platform().id())),
                        template.replace("{channel}", r.channelId()));
            }
        }
        if (properties.publicUrl() != null) {
            m.link(texts.get(l, "incident.card.record-link"), properties.publicUrl() + "/incidents/" + i.id() + "/record");
        }
        if (i.status().open()) {
            m.button(Actions.RESOLVE, texts.get(l, "incident.button.resolve"), i.id(), Style.PRIMARY);
        } else {
            m.button(Actions.RECORD, texts.get(l, "incident.button.record"), i.id(), Style.PRIMARY);
            m.button(Actions.EXPORT, texts.get(l, "incident.button.export"), i.id(), Style.DEFAULT);
        }
        return m.build();
    }

    String status(IncidentStatus status, Locale l) {
        return texts.get(l, "incident.status." + status.id());
    }

    private static Tone tone(Incident i) {
        if (!i.status().open()) {
            return Tone.SUCCESS;
        }
        return i.severity() == Severity.P0 || i.severity() == Severity.P1 ? Tone.DANGER
                : i.severity() == Severity.P2 ? Tone.WARNING : Tone.INFO;
    }
}
