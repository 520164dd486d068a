package io.warroom.incident;

import java.util.Locale;
import java.util.Optional;

/** investigating → identified → monitoring → resolved, then closed once the incident record is done. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, CLOSED;

    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The states a status update may move an open incident to. */
    public static Optional<IncidentStatus> parseOpenState(String word) {
        for (IncidentStatus s : new IncidentStatus[] {INVESTIGATING, IDENTIFIED, MONITORING}) {
            if (s.id().equalsIgnoreCase(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
