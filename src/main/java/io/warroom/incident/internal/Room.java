package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import io.warroom.delivery.Delivery;

/**
 * A war room on one platform. It is addressed as {@code group:<key>} (the outbox resolves that to the chat
 * once created); {@code channelId} is the platform's id, known once the outbox has created it. {@code settled}:
 * its follow-ups (topic, checklist, the card's link) were queued, a moment after it opened.
 */
record Room(String incidentId, Platform platform, String groupKey, String name, String channelId, String topic,
            State state, String error, boolean settled) {

    enum State { REQUESTED, OPEN, FAILED }

    Conversation conversation() {
        return Conversation.of(platform, Delivery.groupChannel(groupKey));
    }

    boolean usable() {
        return state != State.FAILED;
    }
}
