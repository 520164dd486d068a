package io.warroom.directory;

import io.warroom.chat.Platform;
import java.util.Optional;

/**
 * A chat platform's own profile of a user, for people the roster does not list under that platform's id:
 * the directory then matches them by email. Implemented by platform adapters, which should cache.
 */
public interface IdentityLookup {

    Platform platform();

    /** The email the platform holds for {@code userId}; empty when unknown or the lookup failed. */
    Optional<String> email(String userId);
}
