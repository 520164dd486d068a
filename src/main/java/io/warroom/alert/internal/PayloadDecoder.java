package io.warroom.alert.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a webhook body into a {@link Notification}, or says in one line why it is not Alertmanager's.
 * Anything accepted here can be stored as is: sizes are bounded, times parsed, statuses known.
 */
final class PayloadDecoder {

    static final int MAX_ALERTS = 5_000;
    static final int MAX_LABELS = 64;
    static final int MAX_KEY = 200;
    static final int MAX_VALUE = 4_000;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{1,64}");
    /** Alertmanager's "zero" time for an alert that has not ended. */
    private static final int ZERO_YEAR = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PayloadDecoder() {
    }

    static Notification decode(String source, byte[] body) {
        WebhookPayload p;
        try {
            p = JSON.readValue(body, WebhookPayload.class);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadPayload("not an Alertmanager webhook: malformed or mistyped JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (java.io.IOException e) {
            throw new BadPayload("unreadable body");
        }
        if (p == null) {
            throw new BadPayload("empty body");
        }
        if (!"4".equals(p.version())) {
            throw new BadPayload("version must be \"4\" (Alertmanager webhook), got " + quoted(p.version()));
        }
        if (p.groupKey() == null || p.groupKey().isBlank() || p.groupKey().length() > 8_000) {
            throw new BadPayload("groupKey is missing or longer than 8000 characters");
        }
        if (p.alerts() == null || p.alerts().isEmpty()) {
            throw new BadPayload("alerts is missing or empty");
        }
        if (p.alerts().size() > MAX_ALERTS) {
            throw new BadPayload("more than " + MAX_ALERTS + " alerts in one notification (use max_alerts)");
        }
        if (p.truncatedAlerts() != null && p.truncatedAlerts() < 0) {
            throw new BadPayload("truncatedAlerts must not be negative");
        }
        List<Notification.AlertState> alerts = new ArrayList<>();
        for (int i = 0; i < p.alerts().size(); i++) {
            alerts.add(alert(p.alerts().get(i), i));
        }
        return new Notification(source, p.groupKey(), p.receiver() == null ? "" : cut(p.receiver(), 200),
                p.truncatedAlerts() == null ? 0 : p.truncatedAlerts(), labels(p.groupLabels(), "groupLabels"),
                labels(p.commonLabels(), "commonLabels"), labels(p.commonAnnotations(), "commonAnnotations"),
                p.externalURL() == null ? null : cut(p.externalURL(), 1000), List.copyOf(alerts));
    }

    private static Notification.AlertState alert(WebhookPayload.Alert a, int i) {
        if (a == null) {
            throw new BadPayload("alerts[" + i + "] is null");
        }
        if (a.fingerprint() == null || !FINGERPRINT.matcher(a.fingerprint()).matches()) {
            throw new BadPayload("alerts[" + i + "].fingerprint is missing or not hexadecimal");
        }
        Notification.Status status = switch (a.status() == null ? "" : a.status().toLowerCase(Locale.ROOT)) {
            case "firing" -> Notification.Status.FIRING;
            case "resolved" -> Notification.Status.RESOLVED;
            default -> throw new BadPayload("alerts[" + i + "].status must be firing or resolved, got " + quoted(a.status()));
        };
        Instant starts = time(a.startsAt(), "alerts[" + i + "].startsAt");
        if (starts == null) {
            throw new BadPayload("alerts[" + i + "].startsAt is missing");
        }
        Instant ends = time(a.endsAt(), "alerts[" + i + "].endsAt");
        if (status == Notification.Status.FIRING) {
            // A firing alert carries a future endsAt (its resolve timeout); only "resolved" ends it.
            ends = null;
        } else if (ends == null) {
            throw new BadPayload("alerts[" + i + "] is resolved but has no endsAt");
        }
        Map<String, String> labels = labels(a.labels(), "alerts[" + i + "].labels");
        if (labels.isEmpty()) {
            throw new BadPayload("alerts[" + i + "].labels is empty");
        }
        return new Notification.AlertState(a.fingerprint().toLowerCase(Locale.ROOT), status, labels,
                labels(a.annotations(), "alerts[" + i + "].annotations"), starts, ends,
                a.generatorURL() == null ? null : cut(a.generatorURL(), 1000));
    }

    private static Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(value);
            return t.getYear() <= ZERO_YEAR ? null : t.toInstant();
        } catch (DateTimeParseException e) {
            throw new BadPayload(field + " is not an RFC 3339 time: " + quoted(value));
        }
    }

    private static Map<String, String> labels(Map<String, String> in, String field) {
        if (in == null) {
            return Map.of();
        }
        if (in.size() > MAX_LABELS) {
            throw new BadPayload(field + " has more than " + MAX_LABELS + " entries");
        }
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k == null || k.isEmpty() || k.length() > MAX_KEY) {
                throw new BadPayload(field + " has an empty or too long name");
            }
            out.put(k, v == null ? "" : cut(v, MAX_VALUE));
        });
        return out;
    }

    /** Over-long values are kept shortened and marked, not refused: a 4xx would lose the alert. */
    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }

    /** The body is not an Alertmanager webhook; the message is safe to return to the sender. */
    static class BadPayload extends RuntimeException {
        BadPayload(String message) {
            super(message);
        }
    }
}
