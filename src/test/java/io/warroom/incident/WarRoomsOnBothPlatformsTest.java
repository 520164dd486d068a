package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Platform;
import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9's war room: a P0 declared in Slack opens one Slack channel and one Feishu group at once, with the
 * people the playbook's roles name at that moment, the card posted and pinned and the topic set in both, and
 * the checklist; whoever cannot be reached is named. Retries and lost answers never open a second room.
 */
class WarRoomsOnBothPlatformsTest extends BothPlatformsTestBase {

    @Autowired ActionRouter actions;
    @Autowired Timeline timeline;

    @Test
    void p0DeclaredInSlackOpensARoomOnSlackAndOnFeishuWithTheRightPeopleAndThePinnedCard() throws Exception {
        String origin = newSlackChannel();
        var ack = slack().slashCommand(ZHAO_SLACK, origin, "incident declare P0 backend down", "trig-" + UUID.randomUUID());
        assertThat(ack.statusCode()).isEqualTo(200);

        IncidentSummary inc = await().atMost(WAIT).until(() -> incidents.open().stream()
                .filter(i -> i.title().equals("backend down")).findFirst().orElse(null), i -> i != null);
        String id = inc.id();
        assertThat(id).matches("INC-\\d{8}-\\d{2}");
        assertThat(inc.severity()).isEqualTo(Severity.P0);
        assertThat(inc.commander()).isEqualTo("zhao.liu");

        // Slack: one channel, named from the incident, with the on-call pair, the tech lead, the CTO and the declarer.
        FakeSlackApi.Channel channel = await().atMost(WAIT).until(() -> slackRooms(id), rooms -> rooms.size() == 1
                && rooms.get(0).members().size() == 5).get(0);
        assertThat(channel.name()).isEqualTo(id.toLowerCase() + "-backend-down");
        assertThat(channel.members()).containsExactlyInAnyOrder(SLACK_BOT, ZHANG_SLACK, LI_SLACK, ZHAO_SLACK, SUN_SLACK);
        FakeSlackApi.Posted slackCard = await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream()
                .filter(p -> p.text() != null && p.text().contains("P0 · " + id + " · backend down")).findFirst().orElse(null),
                p -> p != null && SLACK.pinned(channel.id(), p.ts()));
        assertThat(slackCard.blocks().toString()).contains("investigating", "赵六 Zhao Liu", "incident.resolve");
        await().atMost(WAIT).until(() -> SLACK.topic(channel.id()) != null);
        assertThat(SLACK.topic(channel.id())).isEqualTo("P0 · investigating · commander 赵六 Zhao Liu · backend down");
        await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream()
                .anyMatch(p -> p.text() != null && p.text().contains("P0 checklist · " + id)));

        // Feishu: one group with a readable Chinese name; Sun Ba has no Feishu account, so the group says so.
        FakeFeishuOpenApi.Chat group = await().atMost(WAIT).until(() -> feishuRooms(id), rooms -> rooms.size() == 1
                && rooms.get(0).members().size() == 4).get(0);
        assertThat(group.name()).isEqualTo("【P0】" + id + " backend down");
        assertThat(group.members()).containsExactlyInAnyOrder(FakeFeishuOpenApi.BOT_OPEN_ID, ZHANG_FEISHU, LI_FEISHU,
                ZHAO_FEISHU);
        FakeFeishuOpenApi.Message feishuCard = await().atMost(WAIT).until(() -> FEISHU.messagesTo(group.id()).stream()
                .filter(m -> m.cardText().contains("P0 · " + id + " · backend down")).findFirst().orElse(null),
                m -> m != null && FEISHU.pinned(m.id()));
        assertThat(feishuCard.cardText()).contains("排查中", "赵六 Zhao Liu");
        await().atMost(WAIT).until(() -> FEISHU.description(group.id()) != null);
        assertThat(FEISHU.description(group.id())).startsWith("P0 · 排查中 · 指挥 赵六 Zhao Liu");
        await().atMost(WAIT).until(() -> FEISHU.messagesTo(group.id()).stream()
                .anyMatch(m -> m.cardText().contains("孙八 Sun Ba") && m.cardText().contains("飞书")));

        // The channel it was declared in has the card too, and the timeline says what happened.
        assertThat(SLACK.posted(origin)).anyMatch(p -> p.text() != null && p.text().contains(id));
        await().atMost(WAIT).until(() -> kinds(id).stream().filter("incident.war-room-opened"::equals).count() == 2);
        assertThat(kinds(id)).startsWith("incident.declared", "incident.role-assigned")
                .contains("incident.invited", "incident.not-reached", "incident.stage-completed");
        assertThat(timeline.verify(Incidents.stream(id)).intact()).isTrue();
    }

    @Test
    void aDeclareFormSentTwiceAndLostPlatformAnswersStillOpenOneRoomPerPlatform() {
        String origin = newSlackChannel();
        // The platforms create the room but the answer is lost: Warroom retries and must find the same room.
        int creates = SLACK.calls("conversations.create");
        SLACK.loseNextAnswer("conversations.create");
        FEISHU.loseNextAnswer("/open-apis/im/v1/chats");
        var submit = new InboundAction(Conversation.of(Platform.SLACK, origin), new Actor(Platform.SLACK, ZHANG_SLACK, "zhang"),
                "incident.declare-form:" + UUID.randomUUID(), "", Map.of("severity", "P1", "title", "payments slow", "service", ""));
        ActionOutcome first = actions.route(submit);
        ActionOutcome second = actions.route(submit);
        assertThat(first.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(second.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        String id = incident("payments slow").id();
        assertThat(first.message()).contains("Declared " + id);
        assertThat(second.message()).contains(id + " was declared already");

        await().atMost(WAIT).until(() -> slackRooms(id).size() == 1 && slackRooms(id).get(0).members().size() == 4);
        await().atMost(WAIT).until(() -> feishuRooms(id).size() == 1 && feishuRooms(id).get(0).members().size() == 4);
        // P1: on-call pair and tech lead, plus the declarer (who is the primary here); never a second room.
        assertThat(slackRooms(id).get(0).members()).containsExactlyInAnyOrder(SLACK_BOT, ZHANG_SLACK, LI_SLACK, ZHAO_SLACK);
        assertThat(feishuRooms(id).get(0).members()).containsExactlyInAnyOrder(FakeFeishuOpenApi.BOT_OPEN_ID, ZHANG_FEISHU,
                LI_FEISHU, ZHAO_FEISHU);
        assertThat(incidents.open().stream().filter(i -> i.title().equals("payments slow"))).hasSize(1);
        assertThat(SLACK.calls("conversations.create")).as("the creation was retried after its answer was lost")
                .isGreaterThanOrEqualTo(creates + 2);
    }

    @Test
    void aPersonTheRoomRefusesIsNamedThereAndTheOthersAreIn() {
        SLACK.refuseInvites(LI_SLACK, "user_not_found");
        try {
            String origin = newSlackChannel();
            actions.route(new InboundAction(Conversation.of(Platform.SLACK, origin), new Actor(Platform.SLACK, ZHAO_SLACK, "zhao"),
                    "incident.declare-form:" + UUID.randomUUID(), "", Map.of("severity", "P1", "title", "login errors")));
            String id = incident("login errors").id();
            var channel = await().atMost(WAIT).until(() -> slackRooms(id), r -> r.size() == 1 && r.get(0).members().size() == 3).get(0);
            assertThat(channel.members()).containsExactlyInAnyOrder(SLACK_BOT, ZHANG_SLACK, ZHAO_SLACK);
            await().atMost(WAIT).until(() -> SLACK.posted(channel.id()).stream().anyMatch(p -> p.text() != null
                    && p.text().contains("李四 Li Si") && p.text().contains("user_not_found")));
            var notReached = timeline.entries(Incidents.stream(id)).stream()
                    .filter(e -> e.kind().equals("incident.not-reached")).toList();
            assertThat(notReached).singleElement().satisfies(e -> assertThat(e.details()).contains("li.si", "user_not_found"));
            // The Feishu group is not affected by Slack's refusal.
            await().atMost(WAIT).until(() -> feishuRooms(id).size() == 1
                    && feishuRooms(id).get(0).members().containsAll(Set.of(LI_FEISHU, ZHANG_FEISHU, ZHAO_FEISHU)));
        } finally {
            SLACK.refuseInvites(LI_SLACK, null);
        }
    }

    private java.util.List<String> kinds(String id) {
        return timeline.entries(Incidents.stream(id)).stream().map(TimelineEntry::kind).toList();
    }
}
