package io.warroom.chat;

import java.util.Objects;

/**
 * Text addressed to Warroom ("/warroom ..." or an @mention), already authenticated by the adapter.
 * {@code trigger} is the platform's short-lived interaction handle (Slack trigger_id) that lets a reply
 * open a modal; null where the platform has none.
 */
public record InboundCommand(Conversation conversation, Actor actor, String text, String trigger) {

    public InboundCommand {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        text = text == null ? "" : text.strip();
    }

    public InboundCommand(Conversation conversation, Actor actor, String text) {
        this(conversation, actor, text, null);
    }
}
