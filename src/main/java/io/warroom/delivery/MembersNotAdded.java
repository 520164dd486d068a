package io.warroom.delivery;

import io.warroom.chat.Platform;
import java.util.Map;

/**
 * Some people of an invitation were not added. {@code channel} is as it was queued (for a group chat,
 * {@code group:<key>}); {@code reasons} maps each platform user id to the platform's reason. Published in
 * the transaction that records the delivery; it may repeat for a retried invitation, so listeners must be
 * idempotent.
 */
public record MembersNotAdded(Platform platform, String channel, Map<String, String> reasons) {

    public MembersNotAdded {
        reasons = Map.copyOf(reasons);
    }
}
