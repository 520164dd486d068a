package io.warroom.delivery.internal;

import io.warroom.chat.ChatGateway;
import io.warroom.chat.Platform;
import io.warroom.delivery.ChatPlatforms;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The gateways of the platforms that are configured; a platform without one is not running. */
@Component
class ChatGateways implements ChatPlatforms {

    private final Map<Platform, ChatGateway> byPlatform = new EnumMap<>(Platform.class);

    ChatGateways(List<ChatGateway> gateways) {
        for (ChatGateway g : gateways) {
            ChatGateway previous = byPlatform.put(g.platform(), g);
            if (previous != null) {
                throw new IllegalStateException("Two chat gateways for " + g.platform() + ": "
                        + previous.getClass().getSimpleName() + " and " + g.getClass().getSimpleName());
            }
        }
    }

    @Override
    public Set<Platform> configured() {
        return Collections.unmodifiableSet(EnumSet.copyOf(byPlatform.isEmpty() ? EnumSet.noneOf(Platform.class)
                : byPlatform.keySet()));
    }

    Optional<ChatGateway> forPlatform(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }
}
