package io.warroom.incident;

/**
 * The person may not do this (by policy) or it cannot be done (unknown incident, resolved already). The
 * message is written for that person, in their language; nothing was changed.
 */
public class IncidentRefused extends RuntimeException {

    public IncidentRefused(String message) {
        super(message);
    }
}
