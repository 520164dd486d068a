package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.directory.Directory;
import io.warroom.directory.RosterChanges;
import io.warroom.support.ComingHandover;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The handoff on Slack over signed HTTP: {@code /warroom handoff} opens the pre-filled modal, its checkboxes
 * and choices come back in the submission, field errors keep it open, the card lands in the on-call channel,
 * the wrong person's Acknowledge is refused and the incoming engineer's updates the card.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-handoff;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
        "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.delivery.poll-interval=100ms",
        "warroom.handoff.channels=slack:" + SlackHandoffFlowTest.HOME, "warroom.handoff.enabled=false"})
class SlackHandoffFlowTest {

    static final String HOME = "C0ONCALLHO";
    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofMillis(200));
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;
    @Autowired RosterChanges changes;
    @Autowired ObjectMapper json;

    private static Map<String, Object> checkbox(boolean ticked) {
        return Map.of("type", "checkboxes", "selected_options", ticked
                ? List.of(Map.of("text", Map.of("type", "plain_text", "text", "x"), "value", "true")) : List.of());
    }

    private static Map<String, Map<String, Object>> values(String openItems, String openDetails) {
        Map<String, Map<String, Object>> v = new HashMap<>();
        v.put("services_ok", Map.of("services_ok", checkbox(true)));
        v.put("no_alerts", Map.of("no_alerts", checkbox(false)));
        v.put("no_major_event", Map.of("no_major_event", checkbox(true)));
        v.put("open_items", Map.of("open_items", SignedSlack.selectValue(openItems)));
        v.put("open_items_details", Map.of("open_items_details", SignedSlack.textValue(openDetails)));
        v.put("recent_changes", Map.of("recent_changes", SignedSlack.selectValue("none")));
        v.put("recent_changes_details", Map.of("recent_changes_details", SignedSlack.textValue("")));
        v.put("notes", Map.of("notes", SignedSlack.textValue("redis memory at 80 %")));
        return v;
    }

    private static JsonNode button(JsonNode blocks, String actionId) {
        for (JsonNode block : blocks) {
            for (JsonNode e : block.path("elements")) {
                if (e.path("action_id").asText().equals(actionId)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no " + actionId + " in " + blocks);
    }

    @Test
    void theHandoffModalIsSubmittedAndOnlyTheIncomingEngineerAcknowledgesTheCard() throws Exception {
        ComingHandover handover = ComingHandover.arrange(directory, changes);
        String outgoing = handover.outgoing().slackId();
        String incoming = handover.incoming().slackId();
        var slack = new SignedSlack(port);
        String ch = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String trigger = "trig-" + UUID.randomUUID();
        assertThat(slack.slashCommand(outgoing, ch, "handoff", trigger).statusCode()).isEqualTo(200);

        var modal = await().atMost(WAIT).until(() -> FAKE.views().stream().filter(v -> v.triggerId().equals(trigger))
                .findFirst().orElse(null), v -> v != null).view();
        String formId = modal.path("callback_id").asText();
        assertThat(formId).startsWith("handoff.submit:");
        assertThat(modal.path("title").path("text").asText()).isEqualTo("Shift handoff");
        assertThat(modal.toString()).contains("Open incidents",
                "Failed checks this shift", "\"type\":\"checkboxes\"", "\"action_id\":\"no_major_event\"");
        String metadata = modal.path("private_metadata").asText();

        var invalid = slack.interaction(SignedSlack.viewSubmission(outgoing, "V1", formId, metadata, values("some", ""), "t-" + UUID.randomUUID()));
        JsonNode errors = json.readTree(invalid.body());
        assertThat(errors.path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path("errors").path("open_items_details").asText()).isEqualTo("Say what they are.");

        var ok = slack.interaction(SignedSlack.viewSubmission(outgoing, "V1", formId, metadata,
                values("some", "agent pods restarting; watch memory"), "t-" + UUID.randomUUID()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEmpty();
        var row = jdbc.sql("select services_ok, no_alerts, no_major_event, open_items, recent_changes, notes from handoff")
                .query().singleRow();
        assertThat(row).containsEntry("services_ok", true).containsEntry("no_alerts", false).containsEntry("no_major_event", true)
                .containsEntry("open_items", "agent pods restarting; watch memory").containsEntry("recent_changes", null)
                .containsEntry("notes", "redis memory at 80 %");

        var card = await().atMost(WAIT).until(() -> FAKE.posted(HOME).stream()
                .filter(p -> p.blocks().toString().contains("Shift handoff:")).findFirst().orElse(null), p -> p != null);
        assertThat(card.blocks().toString()).contains("☑ All services running normally", "☐ No abnormal alerts",
                "<@" + incoming + ">");
        String id = button(card.blocks(), "handoff.ack").path("value").asText();

        slack.interaction(SignedSlack.blockAction("U0CHENQI", HOME, card.ts(), null, "handoff.ack", id, "t-" + UUID.randomUUID()));
        await().atMost(WAIT).until(() -> FAKE.ephemerals(HOME).stream().anyMatch(e -> e.user().equals("U0CHENQI")
                && e.text().contains("the incoming engineer, can acknowledge this handoff")));
        assertThat(jdbc.sql("select state from handoff").query(String.class).single()).isEqualTo("SUBMITTED");

        slack.interaction(SignedSlack.blockAction(incoming, HOME, card.ts(), null, "handoff.ack", id, "t-" + UUID.randomUUID()));
        await().atMost(WAIT).until(() -> FAKE.posted(HOME).stream().anyMatch(p -> p.ts().equals(card.ts())
                && p.blocks().toString().contains("Acknowledged by " + handover.incoming().name())));
        assertThat(jdbc.sql("select acknowledged_by from handoff").query(String.class).single()).isEqualTo(handover.incoming().id());
    }
}
