package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's acceptance scenario: the two-person approval in a Feishu group, end to end over signed,
 * encrypted callbacks against the sandbox cluster: request by @mention, card, self-approval refused by
 * toast, approval by another person, one execution, card patched, all on the timeline.
 */
class FeishuApprovalFlowTest extends FeishuAppTestBase {

    static final String ZHAO = "ou_zhaoliu00004";
    static final String LI = "ou_lisi00000002";
    static final String WANG = "ou_wangwu000003";

    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;
    @Autowired ActionExecutors executors;

    private static String newGroup() {
        String chat = "oc_a" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        FAKE.addChat(chat, "group", ZHAO, LI, WANG);
        return chat;
    }

    private static FakeFeishuOpenApi.Message awaitCard(String chat, String text) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.messagesTo(chat).stream()
                .filter(m -> m.cardText().contains(text)).findFirst().orElse(null), m -> m != null);
    }

    private static String requestId(FakeFeishuOpenApi.Message card) {
        return FeishuRequests.callbackValue(FeishuRequests.button(card.card(), "approval.approve", null)).path("v").asText();
    }

    private JsonNode click(String operator, String chat, String messageId, String action, String id) throws Exception {
        return click(FeishuRequests.newEventId(), operator, chat, messageId, action, id);
    }

    private JsonNode click(String eventId, String operator, String chat, String messageId, String action, String id)
            throws Exception {
        HttpResponse<String> r = feishu().send(FeishuRequests.click(eventId, operator, chat, messageId, action, id));
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private String state(String id) {
        return jdbc.sql("select state from approval_request where public_id = ?").param(id).query(String.class).single();
    }

    @Test
    void aScaleIsApprovedByASecondPersonAndRunsOnce() throws Exception {
        String chat = newGroup();
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", ZHAO,
                "/warroom scale agent -n after-sales-prod --replicas 4", true));
        FakeFeishuOpenApi.Message card = awaitCard(chat, "待审批：scale agent");
        assertThat(card.cardText()).contains("kubernetes scale after-sales-prod/agent replicas=4", "2 → 4", "warroom-operator");
        assertThat(card.card().path("header").path("template").asText()).isEqualTo("orange");
        String id = requestId(card);

        JsonNode own = click(ZHAO, chat, card.id(), "approval.approve", id);
        assertThat(own.path("toast").path("type").asText()).isEqualTo("error");
        assertThat(own.path("toast").path("content").asText()).contains("不能自己审批");
        assertThat(own.has("card")).as("a refused click leaves the card as it is").isFalse();

        String eventId = FeishuRequests.newEventId();
        JsonNode ok = click(eventId, LI, chat, card.id(), "approval.approve", id);
        assertThat(ok.path("toast").path("type").asText()).isEqualTo("success");
        // The answer replaces the card at once; the outbox patches it too, for anyone else looking.
        assertThat(ok.path("card").path("type").asText()).isEqualTo("raw");
        assertThat(ok.path("card").path("data").path("header").path("title").path("content").asText())
                .isEqualTo("已批准，执行中：scale agent -n after-sales-prod --replicas 4");
        assertThat(ok.path("card").path("data").path("config").path("update_multi").asBoolean()).isTrue();
        assertThat(ok.path("card").path("data").path("schema").asText()).as("the answer is a 2.0 card too").isEqualTo("2.0");
        assertThat(FeishuCardRules.check(ok.path("card").path("data"))).isEmpty();
        assertThat(ok.path("card").path("data").toString()).doesNotContain("approval.approve");
        // Feishu delivers the same callback again: nothing more happens.
        click(eventId, LI, chat, card.id(), "approval.approve", id);

        await().atMost(Duration.ofSeconds(15)).until(() -> state(id).equals("EXECUTED"));
        await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.message(card.id()).cardText().contains("已完成：scale agent"));
        assertThat(FAKE.message(card.id()).cardText()).contains("李四 Li Si").doesNotContain("approval.approve");

        JsonNode late = click(WANG, chat, card.id(), "approval.approve", id);
        // One phrase for the state, not "该申请已经已批准".
        assertThat(late.path("toast").path("content").asText()).isEqualTo("该申请已批准并执行完成。");

        var status = new ActionSpec("kubernetes", "rollout-status", "", "after-sales-prod", "agent", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(executors.get("kubernetes")
                .execute(status, RunAs.bot()).lines().stream().map(l -> io.warroom.support.English.of(l.value())).toList().toString())
                .contains("desired 4"));
        var kinds = timeline.entries("conversation:feishu:" + chat).stream().map(TimelineEntry::kind).toList();
        assertThat(kinds).containsSubsequence("approval.requested", "command.received", "approval.click-refused",
                "approval.granted", "action.executed");
        assertThat(kinds.stream().filter(k -> k.equals("action.executed")).count()).isEqualTo(1);
    }

    @Test
    void aClickOnAnExpiredRequestExplainsAndRunsNothing() throws Exception {
        String chat = newGroup();
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", ZHAO,
                "restart backend -n after-sales-prod", true));
        FakeFeishuOpenApi.Message card = awaitCard(chat, "待审批：restart backend");
        String id = requestId(card);
        jdbc.sql("update approval_request set expires_at = ? where public_id = ?")
                .params(OffsetDateTime.now().minusMinutes(1), id).update();

        JsonNode answer = click(LI, chat, card.id(), "approval.approve", id);
        assertThat(answer.path("toast").path("type").asText()).isEqualTo("error");
        assertThat(answer.path("toast").path("content").asText()).contains("已过期");
        Thread.sleep(500);
        assertThat(state(id)).isIn("PENDING", "EXPIRED");
        assertThat(timeline.entries("conversation:feishu:" + chat)).noneMatch(e -> e.kind().equals("action.executed"));
    }
}
