package io.warroom.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.support.AlertPayloads;
import io.warroom.support.AlertmanagerProcess;
import io.warroom.support.FakeGateway;
import io.warroom.support.TestGateways;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Alertmanager sends its webhook to the running Warroom: alerts pushed to it become one thread,
 * updated in place when an alert resolves; the Silence button makes a silence Alertmanager lists, and
 * Expire ends it. The webhook's refusals (credentials, malformed, oversized) store nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:alertmanager-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.delivery.paused=true", "warroom.schedule.paused=true",
        "warroom.alerts.routing=classpath:test-alerts/routing.yaml", "warroom.alerts.max-body=64KB",
        "warroom.alerts.token=" + AlertPayloads.TOKEN, "warroom.catalog.location=classpath:test-catalog/*.yaml"})
@Import({TestGateways.class, DrainForTests.class})
class AlertmanagerEndToEndTest {

    private static final int AM_PORT = freePort();
    private static AlertmanagerProcess alertmanager;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void alertmanagerApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.alerts.api-url", () -> "http://127.0.0.1:" + AM_PORT);
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DrainForTests outbox;
    @Autowired FakeGateway slack;
    @Autowired ActionRouter actions;

    private final HttpClient http = HttpClient.newHttpClient();

    private AlertmanagerProcess alertmanager() throws IOException {
        if (alertmanager == null) {
            alertmanager = AlertmanagerProcess.start(AM_PORT, "http://127.0.0.1:" + port + "/alerts/alertmanager",
                    AlertPayloads.TOKEN, "alertname, service");
        }
        return alertmanager;
    }

    @AfterAll
    static void stopAlertmanager() {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    private static int freePort() {
        try {
            return AlertmanagerProcess.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String alert(String instance, Instant startsAt, Instant endsAt) {
        return """
                {"labels": {"alertname": "HighErrorRate", "service": "checkout", "test": "t9", "severity": "critical",
                            "deployment": "checkout", "namespace": "after-sales-prod", "instance": "%s"},
                 "annotations": {"summary": "checkout 5xx above 1%%"},
                 "startsAt": "%s", "endsAt": "%s", "generatorURL": "http://prometheus.example.com/graph"}"""
                .formatted(instance, startsAt, endsAt);
    }

    private List<FakeGateway.Call> sent() {
        outbox.drain();
        return slack.calls("CT9");
    }

    @Test
    void alertmanagersWebhookMakesALiveThreadAndTheSilenceButtonARealSilence() throws Exception {
        var am = alertmanager();
        Instant start = Instant.now().minusSeconds(30);
        Instant open = Instant.now().plusSeconds(3600);
        am.pushAlerts("[" + alert("checkout-1", start, open) + "," + alert("checkout-2", start, open) + "]");

        await().atMost(Duration.ofSeconds(30)).until(() -> firing("checkout") == 2);
        long group = jdbc.sql("select id from alert_group where group_labels like '%checkout%'").query(Long.class).single();
        await().atMost(Duration.ofSeconds(10)).until(() -> sent().stream().anyMatch(c -> c.operation().equals("post")));
        OutboundMessage root = sent().stream().filter(c -> c.operation().equals("post") && c.conversation().thread() == null)
                .findFirst().orElseThrow().message();
        assertThat(root.header()).isEqualTo("[CRITICAL] HighErrorRate · checkout · after-sales-prod");
        assertThat(root.fields()).anyMatch(f -> f.value().equals("2 firing · 0 resolved"));
        assertThat(root.links()).anyMatch(l -> l.label().equals("Alertmanager") && l.url().contains(":" + AM_PORT + "/#/alerts?filter="));

        // Prometheus stops sending checkout-2: it resolves, and the root is edited in place.
        am.pushAlerts("[" + alert("checkout-2", start, Instant.now().minusSeconds(1)) + "]");
        await().atMost(Duration.ofSeconds(30)).until(() -> firing("checkout") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent().stream().anyMatch(c -> c.operation().startsWith("update:")
                && c.message().fields().stream().anyMatch(f -> f.value().equals("1 firing · 1 resolved"))));
        assertThat(sent().stream().filter(c -> c.operation().equals("post") && c.conversation().thread() == null))
                .as("one root, edited, never re-posted").hasSize(1);

        var where = new Conversation(Platform.SLACK, "CT9", "ts-root");
        ActionOutcome silenced = actions.route(new InboundAction(where, new Actor(Platform.SLACK, "U0LISI", "li"),
                "alert.silence", group + ":1h", null, "ts-root", null));
        assertThat(silenced.kind()).as(silenced.message()).isEqualTo(ActionOutcome.Kind.DONE);
        JsonNode silences = JSON.readTree(am.get("/api/v2/silences").body());
        assertThat(silences).hasSize(1);
        JsonNode silence = silences.get(0);
        assertThat(silence.path("status").path("state").asText()).isEqualTo("active");
        assertThat(silence.path("createdBy").asText()).contains("Li Si");
        assertThat(silence.path("matchers").findValuesAsText("name")).containsExactlyInAnyOrder("alertname", "service");
        assertThat(silence.path("matchers").findValuesAsText("value")).containsExactlyInAnyOrder("HighErrorRate", "checkout");
        assertThat(jdbc.sql("select silence_id from alert_group where id = ?").param(group).query(String.class).single())
                .isEqualTo(silence.path("id").asText());

        ActionOutcome expired = actions.route(new InboundAction(where, new Actor(Platform.SLACK, "U0LISI", "li"),
                "alert.expire", Long.toString(group), null, "ts-root", null));
        assertThat(expired.kind()).as(expired.message()).isEqualTo(ActionOutcome.Kind.DONE);
        JsonNode after = JSON.readTree(am.get("/api/v2/silence/" + silence.path("id").asText()).body());
        assertThat(after.path("status").path("state").asText()).isEqualTo("expired");
        assertThat(jdbc.sql("select silence_id from alert_group where id = ?").param(group).query(String.class).optional())
                .isEmpty();
    }

    private long firing(String service) {
        return jdbc.sql("select coalesce(sum(firing), -1) from alert_group where group_labels like ?")
                .param("%\"" + service + "\"%").query(Long.class).single();
    }

    private HttpResponse<String> post(String authorization, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts/alertmanager"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long groups() {
        return jdbc.sql("select count(*) from alert_group").query(Long.class).single();
    }

    @Test
    void refusedNotificationsStoreNothing() throws Exception {
        String valid = AlertPayloads.group("DiskFull", "test", "t10").firing("ab", "node-1", Instant.now()).json();
        long before = groups();
        assertThat(post(null, valid).statusCode()).isEqualTo(401);
        assertThat(post("Bearer wrong-token-but-long-enough", valid).statusCode()).isEqualTo(401);
        assertThat(post("Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + AlertPayloads.TOKEN).getBytes()), valid)
                .statusCode()).isEqualTo(401);
        var malformed = post("Bearer " + AlertPayloads.TOKEN, "{\"version\":\"4\",\"alerts\":[]}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("groupKey").doesNotContain("\n");
        assertThat(post("Bearer " + AlertPayloads.TOKEN, "not json").statusCode()).isEqualTo(400);
        String huge = AlertPayloads.group("DiskFull", "test", "t10").annotation("description", "x".repeat(70_000))
                .firing("ab", "node-1", Instant.now()).json();
        assertThat(post("Bearer " + AlertPayloads.TOKEN, huge).statusCode()).isEqualTo(413);
        assertThat(groups()).isEqualTo(before);

        var ok = post("Bearer " + AlertPayloads.TOKEN, valid);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"applied\":1");
        assertThat(groups()).isEqualTo(before + 1);
        assertThat(post("Bearer " + AlertPayloads.TOKEN, valid).body()).contains("\"applied\":0", "\"repeated\":1");
    }
}
