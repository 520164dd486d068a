package io.warroom.chat;

import java.util.Objects;

/** Someone acting on a platform, as the platform names them. The directory maps them to a person. */
public record Actor(Platform platform, String userId, String displayName) {
    public Actor {
        Objects.requireNonNull(platform, "platform");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    }
}
