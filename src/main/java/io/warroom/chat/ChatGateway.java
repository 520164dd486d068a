package io.warroom.chat;

import java.util.List;
import java.util.Map;

/**
 * Outbound port of one chat platform. Only the delivery module calls it, so rate limits, retries and
 * ordering live in one place. Implementations throw {@link ChatDeliveryException} to report failures.
 */
public interface ChatGateway {

    Platform platform();

    /**
     * Posts a message to the conversation (inside its thread when it has one).
     * @param visibleTo a platform user id when only that user should see it (ephemeral), else null
     * @return the platform's id of the new message
     */
    String post(Conversation conversation, OutboundMessage message, String visibleTo);

    /**
     * As {@link #post(Conversation, OutboundMessage, String)}, with a key that stays the same when the same
     * post is retried, for platforms that can drop a repeat (Feishu's {@code uuid}); others ignore it.
     */
    default String post(Conversation conversation, OutboundMessage message, String visibleTo, String idempotencyKey) {
        return post(conversation, message, visibleTo);
    }

    /** Replaces a message posted earlier. */
    void update(Conversation conversation, String messageRef, OutboundMessage message);

    /** Creates a group chat and returns its channel id. {@code idempotencyKey} lets the platform dedupe. */
    String createGroup(String name, List<String> memberUserIds, String idempotencyKey);

    /**
     * Adds people to a channel or group chat. Someone the platform refuses (unknown, deactivated, waiting for
     * approval) does not stop the others from being added.
     * @return user id → the platform's reason, for each person who was not added; empty when all were
     */
    Map<String, String> invite(Conversation conversation, List<String> memberUserIds);

    /**
     * Shows a message with a form to one user: as a modal where the platform has them (using
     * {@code trigger}, the handle of the interaction that asked for it), otherwise inline in the conversation.
     * @return the platform's id of what was opened
     */
    String openForm(Conversation conversation, String userId, String trigger, OutboundMessage message);

    /** Sets the channel's topic (Slack topic; Feishu group description; console channel topic). */
    void setTopic(Conversation conversation, String topic);

    /** Pins a message posted earlier, so it stays at hand (the incident card of a war room). */
    void pin(Conversation conversation, String messageRef);
}
