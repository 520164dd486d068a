package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.support.AlertPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An alert group mirrored in a Feishu group and a console channel: the card reaches Feishu (in Chinese),
 * an Ack by signed, encrypted card callback answers with the updated card at once, and the console's copy
 * of the same group is edited too — one group, one state, two places.
 */
@TestPropertySource(properties = {"warroom.alerts.token=" + AlertPayloads.TOKEN,
        "warroom.alerts.routing=classpath:test-alerts/routing.yaml"})
class FeishuAlertFlowTest extends FeishuAppTestBase {

    static final String CHAT = "oc_alertmirror000001";
    static final String LI = "ou_lisi00000002";
    private final ObjectMapper json = new ObjectMapper();

    /** The opaque value of the button with this action id, wherever the card keeps it. */
    private static String buttonValue(JsonNode card, String actionId) {
        for (JsonNode value : card.findParents("a")) {
            if (value.path("a").asText().equals(actionId)) {
                return value.path("v").asText();
            }
        }
        throw new AssertionError("no " + actionId + " button on " + card);
    }

    private HttpResponse<String> consoleMessages() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/console/api/channels/ops/messages?as=li.si")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAckOnFeishuUpdatesTheCardThereAndOnTheConsole() throws Exception {
        FAKE.addChat(CHAT, "group", LI);
        String payload = AlertPayloads.group("SlowResponse", "test", "feishu-mirror", "service", "search")
                .common("severity", "warning").annotation("summary", "P95 above 500ms <at id=all></at>")
                .firing("f1", "search-1", Instant.now().minusSeconds(30)).json();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/alerts/alertmanager")).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        var card = await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.messagesTo(CHAT).stream()
                .filter(m -> m.cardText().contains("SlowResponse")).findFirst().orElse(null), m -> m != null);
        assertThat(card.cardText()).contains("告警中", "认领");
        // The alert's own text is plain text on the card: "<at id=all>" is shown, it notifies nobody.
        assertThat(card.card().findParents("tag").stream().filter(e -> e.path("tag").asText().equals("markdown"))
                .map(e -> e.path("content").asText())).noneMatch(md -> md.contains("<at"));
        await().atMost(Duration.ofSeconds(15)).until(() -> consoleMessages().body().contains("SlowResponse"));

        String group = buttonValue(card.card(), "alert.ack");
        HttpResponse<String> clicked = feishu().send(FeishuRequests.click(FeishuRequests.newEventId(), LI, CHAT, card.id(),
                "alert.ack", group));
        JsonNode answer = json.readTree(clicked.body());
        assertThat(answer.path("toast").path("type").asText()).isEqualTo("success");
        assertThat(answer.path("card").path("data").toString()).contains("李四 Li Si").contains("alert.unack");

        await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.message(card.id()).cardText().contains("李四 Li Si"));
        await().atMost(Duration.ofSeconds(15)).until(() -> consoleMessages().body().contains("Acknowledged by 李四 Li Si"));
    }
}
