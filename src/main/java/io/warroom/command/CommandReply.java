package io.warroom.command;

import io.warroom.chat.OutboundMessage;

/** What a command answers; ephemeral replies are shown to the requester only. */
public record CommandReply(OutboundMessage message, boolean ephemeral) {

    public static CommandReply inChannel(OutboundMessage message) {
        return new CommandReply(message, false);
    }

    public static CommandReply ephemeral(OutboundMessage message) {
        return new CommandReply(message, true);
    }
}
