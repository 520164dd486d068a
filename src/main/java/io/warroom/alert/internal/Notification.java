package io.warroom.alert.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A validated notification from one source: one alert group's current state as Alertmanager sees it. */
public record Notification(String source, String groupKey, String receiver, int truncatedAlerts,
                    Map<String, String> groupLabels, Map<String, String> commonLabels,
                    Map<String, String> commonAnnotations, String externalUrl, List<AlertState> alerts) {

    public enum Status { FIRING, RESOLVED }

    /** One alert as this notification reports it; {@code endsAt} is null while firing. */
    public record AlertState(String fingerprint, Status status, Map<String, String> labels, Map<String, String> annotations,
                      Instant startsAt, Instant endsAt, String generatorUrl) {
    }
}
