package io.warroom.delivery;

import io.warroom.chat.Conversation;
import java.util.List;

/**
 * Lets a module have what is posted in one conversation appear in others as well (an incident's war rooms
 * on two platforms). Asked for every post visible in a channel and every update; the copies are queued in
 * the same transaction under the same message keys in the other conversations, so their updates and thread
 * replies follow them. Copies are never mirrored again. Must be quick: it runs inside every enqueue.
 */
public interface OutboxMirror {

    /** Other conversations that should receive a copy; usually none. Platform thread ids do not carry over. */
    List<Conversation> mirrorsOf(Delivery delivery);
}
