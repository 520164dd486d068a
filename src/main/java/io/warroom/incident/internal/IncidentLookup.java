package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which incident a conversation belongs to: one of its war rooms (found by the platform's channel id once the
 * room exists), or the channel it was declared in while it is not closed.
 */
@Component
class IncidentLookup {

    private final IncidentRepository incidents;
    private final RoomRepository rooms;

    IncidentLookup(IncidentRepository incidents, RoomRepository rooms) {
        this.incidents = incidents;
        this.rooms = rooms;
    }

    /** The war room this conversation is, if it is one. */
    Optional<Room> room(Conversation c) {
        if (c.channel().startsWith(Delivery.GROUP_PREFIX)) {
            return rooms.byGroup(c.platform(), c.channel().substring(Delivery.GROUP_PREFIX.length()));
        }
        return rooms.byChannel(c.platform(), c.channel());
    }

    /**
     * The incident linked to the conversation.
     * @throws Ambiguous when it is the origin of several incidents that are not closed
     */
    Optional<Incident> linked(Conversation c) {
        Optional<Room> room = room(c);
        if (room.isPresent()) {
            return incidents.find(room.get().incidentId());
        }
        List<Incident> declaredHere = incidents.notClosedFrom(c.platform(), c.channel());
        if (declaredHere.size() > 1) {
            throw new Ambiguous(declaredHere.stream().map(Incident::id).toList());
        }
        return declaredHere.stream().findFirst();
    }

    /** Several incidents were declared in this channel: the person must say which. */
    static class Ambiguous extends RuntimeException {
        final List<String> ids;

        Ambiguous(List<String> ids) {
            super("several incidents: " + ids);
            this.ids = ids;
        }
    }
}
