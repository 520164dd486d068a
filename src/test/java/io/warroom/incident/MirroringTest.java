package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Platform;
import io.warroom.feishu.internal.FeishuRequests;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One incident, one Slack channel and one Feishu group: what people write there through Warroom appears in
 * both. A status typed in the Feishu group (a signed Feishu event, over HTTP) is posted in the Slack channel
 * and in the channel the incident was declared in, and both cards show it; a command's answer in the Feishu
 * group is mirrored into the Slack channel; a restart asked for in Feishu is approved from its copy in Slack.
 */
class MirroringTest extends BothPlatformsTestBase {

    @Autowired ActionRouter actions;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aStatusTypedInTheFeishuGroupAppearsInTheSlackChannelAndOnBothCards() throws Exception {
        String origin = newSlackChannel();
        actions.route(new InboundAction(Conversation.of(Platform.SLACK, origin), new Actor(Platform.SLACK, ZHANG_SLACK, "zhang"),
                "incident.declare-form:" + UUID.randomUUID(), "", Map.of("severity", "P0", "title", "checkout down")));
        String id = incident("checkout down").id();
        var channel = await().atMost(WAIT).until(() -> slackRooms(id), r -> r.size() == 1).get(0);
        var group = await().atMost(WAIT).until(() -> feishuRooms(id), r -> r.size() == 1).get(0);
        var slackCard = await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream()
                .filter(p -> p.text() != null && p.text().contains("P0 · " + id)).findFirst().orElse(null), p -> p != null);
        var feishuCard = await().atMost(WAIT).until(() -> FEISHU.messagesTo(group.id()).stream()
                .filter(m -> m.cardText().contains("P0 · " + id)).findFirst().orElse(null), m -> m != null);

        var typed = feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), group.id(), "group", LI_FEISHU,
                "/warroom incident status identified config rollback in progress", true));
        assertThat(typed.statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream().anyMatch(p -> p.text() != null
                && p.text().contains("Status update · " + id + " · identified")
                && p.text().contains("李四 Li Si: config rollback in progress")));
        await().atMost(WAIT).until(() -> SLACK.posted(origin).stream().anyMatch(p -> p.text() != null
                && p.text().contains("config rollback in progress")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(SLACK.posted(channel.id()).stream()
                .filter(p -> p.ts().equals(slackCard.ts())).findFirst().orElseThrow().blocks().toString())
                .contains("config rollback in progress", "identified"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(FEISHU.message(feishuCard.id()).cardText())
                .contains("config rollback in progress", "已定位"));
        await().atMost(WAIT).until(() -> FEISHU.messagesTo(group.id()).stream().anyMatch(m -> m.cardText()
                .contains("进展更新 · " + id + " · 已定位")));

        // Any other answer Warroom gives in one room is mirrored into the other.
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), group.id(), "group", LI_FEISHU, "/warroom oncall", true));
        await().atMost(WAIT).until(() -> FEISHU.messagesTo(group.id()).stream().anyMatch(m -> m.cardText().contains("oncall-primary")));
        await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream()
                .anyMatch(p -> p.text() != null && p.text().contains("oncall-primary")));
        // ... but the incident's own posts are written once per room, in that room's language, never mirrored.
        assertThat(SLACK.posted(channel.id()).stream().filter(p -> p.text() != null && p.text().contains("进展更新"))).isEmpty();

        // A restart asked for in the Feishu group is approved from the Slack channel: one request, run once.
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), group.id(), "group", LI_FEISHU,
                "/warroom restart backend", true));
        var copy = await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream()
                .filter(p -> p.blocks() != null && p.blocks().toString().contains("approval.approve")).findFirst().orElse(null),
                p -> p != null);
        String request = jdbc.sql("select public_id from approval_request where command_text = 'restart backend' and channel = ?")
                .param(group.id()).query(String.class).single();
        slack().interaction(io.warroom.slack.internal.SignedSlack.blockAction(ZHAO_SLACK, channel.id(), copy.ts(), null,
                "approval.approve", request, "t-" + UUID.randomUUID()));
        await().atMost(WAIT).until(() -> jdbc.sql("select state from approval_request where public_id = ?").param(request)
                .query(String.class).single().equals("EXECUTED"));
        await().atMost(WAIT).until(() -> jdbc.sql("select done_how from incident_stage where incident_id = ? and stage_id = 'recover'")
                .param(id).query(String.class).optional().orElse("").equals("action-executed"));
        // The card was updated in both rooms: the Feishu original and the Slack copy say who approved.
        await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream().anyMatch(p -> p.ts().equals(copy.ts())
                && p.blocks().toString().contains("赵六 Zhao Liu") && !p.blocks().toString().contains("approval.approve")));
        await().atMost(WAIT).until(() -> FEISHU.messagesTo(group.id()).stream().anyMatch(m -> m.cardText().contains("restart backend")
                && m.cardText().contains("赵六 Zhao Liu") && !m.cardText().contains("approval.approve")));
    }
}
