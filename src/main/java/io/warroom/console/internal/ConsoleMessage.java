package io.warroom.console.internal;

import java.time.Instant;

/** A message as the console stores it; {@code body} is the OutboundMessage JSON, or plain text typed by a person. */
record ConsoleMessage(long id, String channel, Long threadId, String author, String visibleTo, String body,
                      Instant createdAt, Instant updatedAt, int version) {

    boolean fromBot() {
        return ConsoleStore.BOT.equals(author);
    }
}
