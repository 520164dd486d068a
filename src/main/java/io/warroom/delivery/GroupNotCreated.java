package io.warroom.delivery;

import io.warroom.chat.Platform;

/** A group chat could not be created and will not be retried; {@code error} says why (never a secret). */
public record GroupNotCreated(Platform platform, String groupKey, String error) {
}
