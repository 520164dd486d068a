package io.warroom.delivery.internal;

/** Published inside the enqueuing transaction; the dispatcher wakes once it commits. */
record OutboxEnqueued(long id, io.warroom.chat.Platform platform, int priority) {
}
