package io.warroom.alert.internal;

import io.warroom.alert.AlertGroupSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An alert group as stored: Alertmanager's view (status, counts) plus what people did in Warroom. */
public record AlertGroup(long id, String source, String groupKey, String receiver, String routeId,
                         Map<String, String> groupLabels, Map<String, String> commonLabels,
                         Map<String, String> commonAnnotations, String externalUrl, boolean firing, String severity,
                         int firingCount, int resolvedCount, int truncated, int episode, Instant episodeStarted,
                         String ackedBy, Instant ackedAt, String handledBy, Instant handledAt, String silenceId,
                         String silencedBy, Instant silencedUntil, Instant firstSeen, Instant lastChange,
                         Instant resolvedAt) {

    /** Labels that name what the group is about, in the order they are shown. */
    public static final List<String> CONTEXT = List.of("service", "deployment", "job", "namespace");

    public String publicId() {
        return "A" + id;
    }

    public String stream() {
        return "alert:" + publicId();
    }

    /** Group labels over common labels: what every alert of the group shares. */
    public Map<String, String> labels() {
        Map<String, String> all = new LinkedHashMap<>(commonLabels);
        all.putAll(groupLabels);
        return all;
    }

    public String alertname() {
        return labels().getOrDefault("alertname", "alert");
    }

    /** {@code HighErrorRate · backend · after-sales-prod}. */
    public String title() {
        StringBuilder sb = new StringBuilder(alertname());
        Map<String, String> labels = labels();
        CONTEXT.stream().map(labels::get).filter(v -> v != null && !v.isBlank()).distinct().limit(2)
                .forEach(v -> sb.append(" · ").append(v));
        return sb.length() > 200 ? sb.substring(0, 199) + "…" : sb.toString();
    }

    public boolean acked() {
        return ackedBy != null;
    }

    public boolean handled() {
        return handledBy != null;
    }

    public boolean silenced(Instant now) {
        return silencedUntil != null && silencedUntil.isAfter(now);
    }

    /** Someone must still act on it: firing, not acknowledged, not handled, not silenced. */
    public boolean needsAttention(Instant now) {
        return firing && !acked() && !handled() && !silenced(now);
    }

    public boolean critical() {
        return Severity.rank(severity) >= Severity.rank("critical");
    }

    public AlertGroupSummary summary() {
        return new AlertGroupSummary(publicId(), title(), severity, firing ? "firing" : "resolved", labels(),
                firingCount, resolvedCount, firstSeen, ackedBy, handledBy, silencedBy, silencedUntil, source);
    }

    /** Severity labels ranked; unknown ones sit between info and warning. */
    public static final class Severity {
        private Severity() {
        }

        public static int rank(String severity) {
            return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
                case "critical", "page", "p0", "p1", "disaster" -> 5;
                case "error", "high", "major" -> 4;
                case "warning", "warn", "medium", "average" -> 3;
                case "info", "information", "low", "minor" -> 1;
                case "none", "" -> 0;
                default -> 2;
            };
        }
    }
}
