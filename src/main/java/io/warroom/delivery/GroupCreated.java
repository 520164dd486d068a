package io.warroom.delivery;

import io.warroom.chat.Platform;

/**
 * A group chat queued with {@link Delivery#createGroup} exists: {@code channelId} is the platform's id for
 * {@code Delivery.groupChannel(groupKey)}. Published in the transaction that records the delivery, so work a
 * listener does commits with it; it may be published again for the same group (a retried send), so
 * listeners must be idempotent.
 */
public record GroupCreated(Platform platform, String groupKey, String channelId) {
}
