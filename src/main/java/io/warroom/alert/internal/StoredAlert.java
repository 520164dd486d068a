package io.warroom.alert.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** One alert of a group as last applied. */
public record StoredAlert(long id, String fingerprint, Notification.Status status, Map<String, String> labels,
                   Map<String, String> annotations, Instant startsAt, Instant endsAt, String generatorUrl) {

    /**
     * Whether a reported state moves this alert forward. Alertmanager may deliver notifications out of
     * order (retries): an older occurrence, or "firing" after "resolved" of the same occurrence, is stale.
     */
    static boolean advances(StoredAlert current, Notification.AlertState reported) {
        if (current == null) {
            return true;
        }
        // To the millisecond: databases store fewer digits than Alertmanager sends (and may round), while a
        // new occurrence of an alert starts at least one rule evaluation later.
        int cmp = reported.startsAt().truncatedTo(ChronoUnit.MILLIS).compareTo(current.startsAt().truncatedTo(ChronoUnit.MILLIS));
        if (cmp != 0) {
            return cmp > 0;
        }
        return current.status() == Notification.Status.FIRING && reported.status() == Notification.Status.RESOLVED;
    }
}
