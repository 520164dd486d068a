package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.slack.internal.SignedSlack;
import io.warroom.support.AlertPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Incidents from alert groups, over real HTTP from Alertmanager's webhook to the fake platforms: the
 * playbook's rule declares a P0 for a critical ServiceDown group by itself, once however often Alertmanager
 * repeats it; a critical group the rule does not cover gets a "Declare a P1 incident" button on its root,
 * whose click declares with the group linked and its acknowledger invited, once whoever clicks again.
 */
class AlertIncidentTest extends BothPlatformsTestBase {

    private static final String AUTO_CHANNEL = "CINCAUTO01";
    private static final String BUTTON_CHANNEL = "CINCBUTTON1";

    @Test
    void aCriticalServiceDownGroupDeclaresAP0ByItselfOnce() throws Exception {
        String json = AlertPayloads.group("ServiceDown", "test", "inc-auto", "service", "backend")
                .common("severity", "critical").common("namespace", "after-sales-prod")
                .firing("5d01", "backend-1", Instant.now().minusSeconds(30)).json();
        assertThat(post(json)).isEqualTo(200);

        IncidentSummary incident = await().atMost(WAIT).until(() -> fromAlert("ServiceDown"), Optional::isPresent).get();
        assertThat(incident.severity()).isEqualTo(Severity.P0);
        assertThat(incident.alertGroups()).hasSize(1);
        assertThat(incident.commander()).as("the on-duty primary commands what Warroom declared").isEqualTo("zhang.san");
        await().atMost(WAIT).until(() -> slackRooms(incident.id()).size() == 1 && feishuRooms(incident.id()).size() == 1);
        await().atMost(WAIT).until(() -> SLACK.posted(AUTO_CHANNEL).stream()
                .anyMatch(p -> p.text() != null && p.text().contains(incident.id())));
        // The P0 card lists the group by its id and name, not only a reference.
        await().atMost(WAIT).until(() -> SLACK.posted(slackRooms(incident.id()).get(0).id()).stream()
                .anyMatch(p -> String.valueOf(p.blocks()).contains(incident.alertGroups().get(0) + " ServiceDown")));

        // Alertmanager repeats the notification (repeat_interval, an HA pair): nothing new is declared.
        assertThat(post(json)).isEqualTo(200);
        assertThat(post(json)).isEqualTo(200);
        Thread.sleep(3000);
        assertThat(incidents.open().stream().filter(i -> i.alertGroups().equals(incident.alertGroups())).count()).isEqualTo(1);
        assertThat(slackRooms(incident.id())).hasSize(1);
    }

    @Test
    void theDeclareButtonOnACriticalGroupDeclaresOnceWithTheGroupLinked() throws Exception {
        String json = AlertPayloads.group("HighErrorRate", "test", "inc-button", "service", "payments")
                .common("severity", "critical").firing("4e01", "payments-1", Instant.now().minusSeconds(30)).json();
        assertThat(post(json)).isEqualTo(200);
        FakeSlackApi.Posted root = await().atMost(WAIT).until(() -> root(BUTTON_CHANNEL, "HighErrorRate"), p -> p != null);
        JsonNode declare = button(root.blocks(), "incident.alert-declare").orElseThrow();
        assertThat(declare.path("text").path("text").asText()).isEqualTo("🚨 Declare a P1 incident");
        assertThat(fromAlert("HighErrorRate")).as("no rule covers it: nothing declared by itself").isEmpty();

        // Wang Wu acknowledges it; he holds none of the P1 roles, so only the acknowledgement brings him in.
        SignedSlack slack = slack();
        String ack = button(root.blocks(), "alert.ack").orElseThrow().path("value").asText();
        slack.interaction(SignedSlack.blockAction("U0WANGWU", BUTTON_CHANNEL, root.ts(), null, "alert.ack", ack, trigger()));
        await().atMost(WAIT).until(() -> String.valueOf(root(BUTTON_CHANNEL, "HighErrorRate").blocks()).contains("王五 Wang Wu"));

        slack.interaction(SignedSlack.blockAction(ZHANG_SLACK, BUTTON_CHANNEL, root.ts(), null, "incident.alert-declare",
                declare.path("value").asText(), trigger()));
        IncidentSummary incident = await().atMost(WAIT).until(() -> fromAlert("HighErrorRate"), Optional::isPresent).get();
        assertThat(incident.severity()).isEqualTo(Severity.P1);
        assertThat(incident.commander()).isEqualTo("zhang.san");
        await().atMost(WAIT).until(() -> slackRooms(incident.id()).size() == 1
                && slackRooms(incident.id()).get(0).members().contains("U0WANGWU"));

        // A second click, from the same root on another person's screen: the same incident, nothing new.
        slack.interaction(SignedSlack.blockAction(ZHAO_SLACK, BUTTON_CHANNEL, root.ts(), null, "incident.alert-declare",
                declare.path("value").asText(), trigger()));
        await().atMost(WAIT).until(() -> SLACK.ephemerals(BUTTON_CHANNEL).stream()
                .anyMatch(e -> e.user().equals(ZHAO_SLACK) && e.text().contains("already belongs to " + incident.id())));
        assertThat(incidents.open().stream().filter(i -> i.alertGroups().equals(incident.alertGroups())).count()).isEqualTo(1);
        assertThat(slackRooms(incident.id())).hasSize(1);

        // The next time the root is drawn, it no longer offers to declare.
        String unack = button(root(BUTTON_CHANNEL, "HighErrorRate").blocks(), "alert.unack").orElseThrow().path("value").asText();
        slack.interaction(SignedSlack.blockAction("U0WANGWU", BUTTON_CHANNEL, root.ts(), null, "alert.unack", unack, trigger()));
        await().atMost(WAIT).until(() -> !String.valueOf(root(BUTTON_CHANNEL, "HighErrorRate").blocks()).contains("王五 Wang Wu"));
        assertThat(button(root(BUTTON_CHANNEL, "HighErrorRate").blocks(), "incident.alert-declare")).isEmpty();
    }

    private Optional<IncidentSummary> fromAlert(String alertname) {
        return incidents.open().stream().filter(i -> !i.alertGroups().isEmpty() && i.title().contains(alertname)).findFirst();
    }

    private int post(String json) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/alerts/alertmanager")).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).as("the webhook's answer").doesNotContain("error");
        return response.statusCode();
    }

    private static FakeSlackApi.Posted root(String channel, String marker) {
        List<FakeSlackApi.Posted> roots = SLACK.posted(channel).stream()
                .filter(p -> p.threadTs() == null && String.valueOf(p.blocks()).contains(marker)).toList();
        return roots.isEmpty() ? null : roots.get(0);
    }

    private static Optional<JsonNode> button(JsonNode blocks, String actionId) {
        for (JsonNode block : blocks) {
            for (JsonNode e : block.path("elements")) {
                if (e.path("action_id").asText().equals(actionId)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private static String trigger() {
        return "t-" + UUID.randomUUID();
    }
}
