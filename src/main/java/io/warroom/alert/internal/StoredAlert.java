package io.warroom.alert.internal;

import java.time.Instant;
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
        int cmp = reported.startsAt().compareTo(current.startsAt());
        if (cmp != 0) {
            return cmp > 0;
        }
        return current.status() == Notification.Status.FIRING && reported.status() == Notification.Status.RESOLVED;
    }
}
