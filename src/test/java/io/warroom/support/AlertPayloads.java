package io.warroom.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds Alertmanager webhook bodies (version 4) for tests, the way Alertmanager writes them. */
public final class AlertPayloads {

    /** The bearer token test contexts configure for the {@code alertmanager} source. */
    public static final String TOKEN = "test-alertmanager-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> groupLabels = new LinkedHashMap<>();
    private final Map<String, String> commonLabels = new LinkedHashMap<>();
    private final Map<String, String> commonAnnotations = new LinkedHashMap<>();
    private final List<Map<String, Object>> alerts = new ArrayList<>();
    private int truncated;

    private AlertPayloads() {
    }

    /** A group of {@code alertname} with these group labels (also common labels). */
    public static AlertPayloads group(String alertname, String... keyValues) {
        var p = new AlertPayloads();
        p.groupLabels.put("alertname", alertname);
        for (int i = 0; i < keyValues.length; i += 2) {
            p.groupLabels.put(keyValues[i], keyValues[i + 1]);
        }
        p.commonLabels.putAll(p.groupLabels);
        return p;
    }

    public AlertPayloads common(String key, String value) {
        commonLabels.put(key, value);
        return this;
    }

    public AlertPayloads annotation(String key, String value) {
        commonAnnotations.put(key, value);
        return this;
    }

    public AlertPayloads truncated(int n) {
        truncated = n;
        return this;
    }

    public AlertPayloads firing(String fingerprint, String instance, Instant startsAt) {
        return alert(fingerprint, "firing", instance, startsAt, null);
    }

    public AlertPayloads resolved(String fingerprint, String instance, Instant startsAt, Instant endsAt) {
        return alert(fingerprint, "resolved", instance, startsAt, endsAt);
    }

    private AlertPayloads alert(String fingerprint, String status, String instance, Instant startsAt, Instant endsAt) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", status);
        Map<String, String> labels = new LinkedHashMap<>(commonLabels);
        labels.put("instance", instance);
        a.put("labels", labels);
        a.put("annotations", new LinkedHashMap<>(commonAnnotations));
        a.put("startsAt", startsAt.toString());
        a.put("endsAt", endsAt == null ? "0001-01-01T00:00:00Z" : endsAt.toString());
        a.put("generatorURL", "http://prometheus.example.com/graph?g0.expr=up");
        a.put("fingerprint", fingerprint);
        alerts.add(a);
        return this;
    }

    public String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receiver", "warroom");
        boolean anyFiring = alerts.stream().anyMatch(a -> "firing".equals(a.get("status")));
        body.put("status", anyFiring ? "firing" : "resolved");
        body.put("alerts", alerts);
        body.put("groupLabels", groupLabels);
        body.put("commonLabels", commonLabels);
        body.put("commonAnnotations", commonAnnotations);
        body.put("externalURL", "http://alertmanager.example.com:9093");
        body.put("version", "4");
        StringBuilder key = new StringBuilder("{}:{");
        groupLabels.forEach((k, v) -> key.append(key.length() > 4 ? "," : "").append(k).append("=\"").append(v).append('"'));
        body.put("groupKey", key.append('}').toString());
        body.put("truncatedAlerts", truncated);
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
