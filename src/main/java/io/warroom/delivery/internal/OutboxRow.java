package io.warroom.delivery.internal;

import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import io.warroom.delivery.Delivery.Operation;
import java.time.Instant;

/** One queued operation as stored; {@code dueAt} is when it was next to be tried (null before it is stored). */
record OutboxRow(long id, Platform platform, String channel, Operation operation, String messageKey,
                 String threadRef, String threadKey, String visibleTo, String orderingKey, int priority,
                 String payload, int attempts, Instant createdAt, Instant dueAt) {

    Conversation conversation(String resolvedChannel, String resolvedThread) {
        return new Conversation(platform, resolvedChannel, resolvedThread);
    }
}
