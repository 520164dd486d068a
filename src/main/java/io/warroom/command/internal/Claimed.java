package io.warroom.command.internal;

import io.warroom.chat.InboundCommand;

/** A stored command this worker holds claim number {@code attempt} of. */
record Claimed(long id, InboundCommand command, int attempt) {

    /** Commands of one conversation append to the same timeline streams, so they run one group at a time. */
    String conversationKey() {
        return command.conversation().stream();
    }
}
