package io.warroom.chat;

import java.util.Objects;

/** Text addressed to Warroom ("/warroom ..." or an @mention), already authenticated by the adapter. */
public record InboundCommand(Conversation conversation, Actor actor, String text) {
    public InboundCommand {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        text = text == null ? "" : text.strip();
    }
}
