package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.support.AlertPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An alert group on Slack over real HTTP: Alertmanager's webhook makes the root in the channel, a signed
 * Ack click edits it in place and adds a line to its thread, a stranger's click is refused, and what the
 * alert says cannot ping the channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-alerts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN, "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.delivery.poll-interval=100ms", "warroom.alerts.token=" + AlertPayloads.TOKEN,
        "warroom.alerts.routing=classpath:test-alerts/routing.yaml"})
class SlackAlertFlowTest {

    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofSeconds(1));
    static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @LocalServerPort int port;

    private static String buttonValue(JsonNode blocks, String actionId) {
        for (JsonNode block : blocks) {
            for (JsonNode e : block.path("elements")) {
                if (e.path("action_id").asText().equals(actionId)) {
                    return e.path("value").asText();
                }
            }
        }
        throw new AssertionError("no " + actionId + " in " + blocks);
    }

    @Test
    void anAlertGroupIsAThreadThatAnAckEditsInPlace() throws Exception {
        String json = AlertPayloads.group("HighErrorRate", "test", "t15", "service", "cart").common("severity", "warning")
                .annotation("summary", "<!channel> cart errors & <@U0ZHAOLIU> look")
                .firing("c1", "cart-1", Instant.now().minusSeconds(60)).json();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/alerts/alertmanager")).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        var root = await().atMost(WAIT).until(() -> FAKE.posted("CT15").stream()
                .filter(p -> p.threadTs() == null && p.blocks() != null && p.blocks().toString().contains("HighErrorRate"))
                .findFirst().orElse(null), p -> p != null);
        assertThat(root.text()).doesNotContain("<!channel>", "<@U0ZHAOLIU>").contains("&lt;!channel&gt;");
        assertThat(root.blocks().toString()).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
        String ack = buttonValue(root.blocks(), "alert.ack");

        var slack = new SignedSlack(port);
        slack.interaction(SignedSlack.blockAction("U0NOBODY", "CT15", root.ts(), null, "alert.ack", ack, "t1"));
        await().atMost(WAIT).until(() -> FAKE.ephemerals("CT15").stream()
                .anyMatch(e -> e.user().equals("U0NOBODY") && e.text().contains("does not know you")));

        var clicked = slack.interaction(SignedSlack.blockAction("U0LISI", "CT15", root.ts(), null, "alert.ack", ack, "t2"));
        assertThat(clicked.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> FAKE.posted("CT15").stream().anyMatch(p -> p.ts().equals(root.ts())
                && p.blocks().toString().contains("Acknowledged by 李四 Li Si") && p.blocks().toString().contains("alert.unack")));
        await().atMost(WAIT).until(() -> FAKE.posted("CT15").stream()
                .anyMatch(p -> root.ts().equals(p.threadTs()) && p.text().contains("Acknowledged by 李四 Li Si.")));
        assertThat(FAKE.posted("CT15").stream().filter(p -> p.threadTs() == null)).as("one root").hasSize(1);
        assertThat(FAKE.throttledTotal()).as("no 429 from Slack").isZero();
    }
}
