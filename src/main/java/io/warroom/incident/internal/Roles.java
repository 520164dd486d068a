package io.warroom.incident.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The roles people take in an incident. */
final class Roles {

    static final String COMMANDER = "commander";
    static final String SCRIBE = "scribe";
    static final String COMMUNICATIONS = "communications";
    static final List<String> ALL = List.of(COMMANDER, SCRIBE, COMMUNICATIONS);

    private Roles() {
    }

    /** {@code scribe}, {@code comms}, {@code communications}, {@code ic}, {@code commander}. */
    static Optional<String> parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "commander", "ic", "incident-commander" -> Optional.of(COMMANDER);
            case "scribe" -> Optional.of(SCRIBE);
            case "communications", "comms", "communication" -> Optional.of(COMMUNICATIONS);
            default -> Optional.empty();
        };
    }
}
