package io.warroom.incident.internal;

import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Posts about an incident to its war rooms (and its origin channel when asked), each in that conversation's
 * language. Every post carries an {@code incident:} key, so the war rooms' mirroring does not copy it again.
 */
@Component
class IncidentPosts {

    private final RoomRepository rooms;
    private final Outbox outbox;
    private final ChatLocales locales;

    IncidentPosts(RoomRepository rooms, Outbox outbox, ChatLocales locales) {
        this.rooms = rooms;
        this.outbox = outbox;
        this.locales = locales;
    }

    /** The war rooms that exist or are being created; when there are none, the origin stands in for them. */
    List<Conversation> roomsOrOrigin(Incident incident) {
        List<Conversation> where = new ArrayList<>(rooms.of(incident.id()).stream().filter(Room::usable)
                .map(Room::conversation).toList());
        if (where.isEmpty()) {
            where.add(incident.origin());
        }
        return where;
    }

    /** Every war room, plus the origin (where the incident was declared). */
    List<Conversation> everywhere(Incident incident) {
        List<Conversation> where = new ArrayList<>(rooms.of(incident.id()).stream().filter(Room::usable)
                .map(Room::conversation).toList());
        where.add(0, incident.origin());
        return where;
    }

    void post(Incident incident, List<Conversation> where, Function<Locale, OutboundMessage> message, Priority priority) {
        String key = incident.key("post:" + UUID.randomUUID().toString().substring(0, 12));
        for (Conversation c : where) {
            outbox.enqueue(Delivery.post(c, key, message.apply(locales.of(c)), priority));
        }
    }

    Locale locale(Conversation conversation) {
        return locales.of(conversation);
    }
}
