package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.directory.Directory;
import io.warroom.directory.RosterChanges;
import io.warroom.support.ComingHandover;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The handoff on Feishu over signed, encrypted callbacks: the form card (Chinese, pre-filled) only the
 * outgoing engineer sees, its checkers and choices back in {@code form_value}, the card in the on-call
 * group, the wrong person's acknowledgement refused by toast and the incoming engineer's accepted.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:feishu-handoff;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.handoff.channels=feishu:" + FeishuHandoffFlowTest.HOME, "warroom.handoff.enabled=false"})
class FeishuHandoffFlowTest extends FeishuAppTestBase {

    static final String HOME = "oc_oncallhome000001";

    static {
        FAKE.addChat(HOME, "group", "ou_zhangsan0001", "ou_lisi00000002", "ou_wangwu000003", "ou_chenqi000005");
    }

    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;
    @Autowired RosterChanges changes;

    private JsonNode send(ObjectNode payload) throws Exception {
        var r = feishu().send(payload);
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void theHandoffCardFormIsSubmittedAndOnlyTheIncomingEngineerAcknowledgesIt() throws Exception {
        // The fake Feishu is shared with the other Feishu tests, whose database numbers outbox rows from 1 too, and
        // drops a send whose uuid ("warroom-<row id>") it has seen: start this database's rows elsewhere.
        jdbc.sql("alter table outbox alter column id restart with 1000000").update();
        ComingHandover handover = ComingHandover.arrange(directory, changes);
        String outgoing = handover.outgoing().feishuOpenId();
        String incoming = handover.incoming().feishuOpenId();
        send(FeishuRequests.message(FeishuRequests.newEventId(), HOME, "group", outgoing, "/warroom handoff", true));

        // A form must not be missed: it waits in the outgoing engineer's direct messages (card JSON 2.0).
        FakeFeishuOpenApi.Message formCard = await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.messagesTo(outgoing).stream()
                .filter(m -> m.cardText().contains("值班交接单")).findFirst().orElse(null), m -> m != null);
        assertThat(formCard.ephemeralFor()).isNull();
        String text = formCard.cardText();
        assertThat(text).contains("\"schema\":\"2.0\"", "交班时间", "交班人", "接班人", "未关闭的事故",
                "\"tag\":\"checker\"", "\"form_action_type\":\"submit\"");

        // Checkers come back as booleans, selects and inputs as strings.
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("services_ok", false);
        values.put("no_alerts", true);
        values.put("no_major_event", true);
        values.put("open_items", "none");
        values.put("open_items_details", "");
        values.put("recent_changes", "some");
        values.put("recent_changes_details", "回滚了 backend 1.8.3");
        values.put("notes", "");
        ObjectNode submit = FeishuRequests.submit(FeishuRequests.newEventId(), outgoing, outgoing, formCard.id(),
                formCard.card(), values);
        JsonNode done = send(submit);
        assertThat(done.path("toast").path("type").asText()).isEqualTo("success");
        assertThat(done.path("toast").path("content").asText()).startsWith("交接单已提交");
        var row = jdbc.sql("select services_ok, no_alerts, no_major_event, open_items, recent_changes from handoff").query().singleRow();
        assertThat(row).containsEntry("services_ok", false).containsEntry("no_alerts", true).containsEntry("no_major_event", true)
                .containsEntry("open_items", null).containsEntry("recent_changes", "回滚了 backend 1.8.3");

        FakeFeishuOpenApi.Message card = await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.messagesTo(HOME).stream()
                .filter(m -> m.ephemeralFor() == null && m.cardText().contains("值班交接：")).findFirst().orElse(null), m -> m != null);
        assertThat(card.cardText()).contains("☐ 所有服务正常运行", "☑ 监控面板无异常告警", "<at id=" + incoming + "></at>", "handoff.ack");
        String id = jdbc.sql("select public_id from handoff").query(String.class).single();

        JsonNode wrong = send(FeishuRequests.click(FeishuRequests.newEventId(), "ou_chenqi000005", HOME, card.id(), "handoff.ack", id));
        assertThat(wrong.path("toast").path("type").asText()).isEqualTo("error");
        assertThat(wrong.path("toast").path("content").asText()).startsWith("只有接班人 " + handover.incoming().name() + " 可以确认此交接单");
        assertThat(wrong.has("card")).isFalse();

        JsonNode ack = send(FeishuRequests.click(FeishuRequests.newEventId(), incoming, HOME, card.id(), "handoff.ack", id));
        assertThat(ack.path("toast").path("type").asText()).isEqualTo("success");
        assertThat(ack.path("card").path("data").toString()).contains(handover.incoming().name() + " 已于").doesNotContain("handoff.ack");
        await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.message(card.id()).cardText().contains("已于"));
        assertThat(jdbc.sql("select state from handoff").query(String.class).single()).isEqualTo("ACKNOWLEDGED");
    }
}
