package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.OutboxMirror;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Mirrors an incident's war rooms into each other: whatever Warroom posts in one of them (command answers,
 * approval cards and their results, updates of those) is also posted in the others, so a team split
 * between Slack and Feishu works in one incident. The incident's own posts ({@code incident:} keys) are
 * written for every room in its language already, so they are not mirrored.
 */
@Component
class RoomMirror implements OutboxMirror {

    private final IncidentLookup lookup;
    private final RoomRepository rooms;

    RoomMirror(IncidentLookup lookup, RoomRepository rooms) {
        this.lookup = lookup;
        this.rooms = rooms;
    }

    @Override
    public List<Conversation> mirrorsOf(Delivery d) {
        if (d.messageKey() != null && d.messageKey().startsWith("incident:")) {
            return List.of();
        }
        return lookup.room(d.conversation()).map(room -> rooms.of(room.incidentId()).stream()
                .filter(r -> r.usable() && r.platform() != room.platform())
                .map(Room::conversation).toList()).orElse(List.of());
    }
}
