package io.warroom.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.slack.internal.SignedSlack;
import io.warroom.support.AlertPayloads;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What Slack and Alertmanager send a Warroom process, over real HTTP with real signatures and tokens: slash
 * commands, button clicks and alert notifications.
 */
final class ReplicaTraffic {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** {@code /warroom <text>} typed by {@code user} in {@code channel}. */
    HttpResponse<String> slash(WarroomProcess replica, String user, String channel, String text) throws Exception {
        String body = SignedSlack.slashCommandBody(user, user.toLowerCase(), channel, text, "trig-" + UUID.randomUUID());
        return signed(replica, body);
    }

    /** A click by {@code user} on a button of a message in {@code channel}. */
    HttpResponse<String> click(WarroomProcess replica, String user, String channel, String actionId, String value)
            throws Exception {
        var payload = SignedSlack.blockAction(user, channel, "1700000000.000100", null, actionId, value,
                "trig-" + UUID.randomUUID());
        return signed(replica, "payload=" + URLEncoder.encode(json.writeValueAsString(payload), StandardCharsets.UTF_8));
    }

    /** A critical alert group named {@code name} starting to fire, as Alertmanager's webhook sends it. */
    HttpResponse<String> alert(WarroomProcess replica, String name) throws Exception {
        String payload = AlertPayloads.group(name, "service", "orders").common("severity", "critical")
                .firing(Integer.toHexString(name.hashCode()), "orders-0", Instant.now()).json();
        return http.send(HttpRequest.newBuilder(replica.uri("/alerts/alertmanager"))
                .header("Authorization", "Bearer " + AlertPayloads.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(WarroomProcess replica, String body) throws Exception {
        var request = HttpRequest.newBuilder(replica.uri("/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        SignedSlack.signature(body, Instant.now().getEpochSecond()).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
