package io.warroom.delivery;

import io.warroom.chat.Platform;
import java.util.Set;

/** Which chat platforms are configured (have a gateway), so modules know where they can open a group. */
public interface ChatPlatforms {

    Set<Platform> configured();
}
