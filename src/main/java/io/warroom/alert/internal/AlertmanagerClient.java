package io.warroom.alert.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * Alertmanager's API v2, for silences made from chat: {@code POST /api/v2/silences} and
 * {@code DELETE /api/v2/silence/{id}}. Reached at the source's {@code api-url}, else at the
 * {@code externalURL} its notifications carry. Calls are short (they run inside a click, which platforms
 * give about 3 s) and never follow redirects.
 */
@Component
class AlertmanagerClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final AlertsProperties properties;
    private final ObjectMapper json;
    private final OkHttpClient http;

    AlertmanagerClient(AlertsProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new OkHttpClient.Builder().callTimeout(properties.apiTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false).retryOnConnectionFailure(false).build();
    }

    /** @return the silence id Alertmanager gave it */
    String createSilence(AlertGroup g, Instant from, Instant until, String createdBy, String comment) {
        List<Map<String, Object>> matchers = new ArrayList<>();
        Map<String, String> labels = g.groupLabels().isEmpty() ? g.commonLabels() : g.groupLabels();
        if (labels.isEmpty()) {
            throw new Unavailable("the group has no labels to silence by");
        }
        labels.forEach((name, value) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("value", value);
            m.put("isRegex", false);
            m.put("isEqual", true);
            matchers.add(m);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("matchers", matchers);
        body.put("startsAt", from.toString());
        body.put("endsAt", until.toString());
        body.put("createdBy", createdBy);
        body.put("comment", comment);
        Request request;
        try {
            request = request(g, "api/v2/silences").post(RequestBody.create(json.writeValueAsBytes(body), JSON)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new Unavailable("Alertmanager answered HTTP " + response.code());
            }
            JsonNode answer = json.readTree(response.body().byteStream());
            String id = answer.path("silenceID").asText("");
            if (id.isEmpty() || id.length() > 100) {
                throw new Unavailable("Alertmanager did not return a silence id");
            }
            return id;
        } catch (IOException e) {
            throw new Unavailable("Alertmanager is unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    void expireSilence(AlertGroup g, String silenceId) {
        Request request = request(g, "api/v2/silence/" + silenceId).delete().build();
        try (Response response = http.newCall(request).execute()) {
            // 404: it expired or was deleted in Alertmanager already, which is what was asked.
            if (!response.isSuccessful() && response.code() != 404) {
                throw new Unavailable("Alertmanager answered HTTP " + response.code());
            }
        } catch (IOException e) {
            throw new Unavailable("Alertmanager is unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Request.Builder request(AlertGroup g, String path) {
        var source = properties.sources().stream().filter(s -> s.name().equals(g.source())).findFirst().orElse(null);
        String base = source != null && AlertsProperties.blank(source.apiUrl()) != null ? source.apiUrl() : g.externalUrl();
        HttpUrl url = base == null ? null : HttpUrl.parse(base);
        if (url == null) {
            throw new Unavailable("no Alertmanager API address for source '" + g.source() + "' (set its api-url)");
        }
        HttpUrl.Builder full = url.newBuilder();
        for (String segment : path.split("/")) {
            full.addPathSegment(segment);
        }
        Request.Builder b = new Request.Builder().url(full.build());
        String token = source == null ? null : apiToken(source);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static String apiToken(AlertsProperties.Source s) {
        if (AlertsProperties.blank(s.apiTokenFile()) != null) {
            try {
                return Files.readString(Path.of(s.apiTokenFile())).strip();
            } catch (IOException e) {
                throw new Unavailable("the API token file of source '" + s.name() + "' cannot be read");
            }
        }
        return AlertsProperties.blank(s.apiToken());
    }

    /** Alertmanager could not do it; the message is fit for chat (no address details beyond the source). */
    static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
