package io.warroom.command.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.support.FakeGateway;
import io.warroom.support.H2Test;
import io.warroom.timeline.Timeline;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Commands from a platform other than the console: identity mapping, replies, language, timeline. */
@H2Test
class CommandServiceTest {

    @Autowired Commands commands;
    @Autowired FakeGateway slack;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;
    @Autowired io.warroom.delivery.internal.DrainForTests drain;

    private static Conversation slackChannel() {
        return Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void strangersAreToldHowToGetIntoTheRosterAndNothingRuns() {
        var c = slackChannel();
        commands.handle(new InboundCommand(c, new Actor(Platform.SLACK, "U0NOBODY", "mallory"), "oncall"));
        drain.drain();

        var calls = slack.calls(c.channel());
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).visibleTo()).isEqualTo("U0NOBODY");
        assertThat(calls.get(0).message().text()).contains("I don't know who you are (slack user U0NOBODY)");
        assertThat(timeline.entries(c.stream())).singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo("/warroom oncall (unknown-person)"));
    }

    @Test
    void aSlackIdentityActsAsItsPerson() {
        var c = slackChannel();
        commands.handle(new InboundCommand(c, new Actor(Platform.SLACK, "U0WANGWU", "wang"), "whoami"));
        drain.drain();
        var reply = slack.calls(c.channel()).get(0);
        assertThat(reply.message().header()).isEqualTo("王五 Wang Wu");
        assertThat(reply.message().fields()).anySatisfy(f -> assertThat(f.value()).isEqualTo("wang.wu"));
        assertThat(timeline.entries(c.stream()).get(0).actor()).isEqualTo("wang.wu");
    }

    @Test
    void feishuConversationsAreAnsweredInChinese() {
        var c = Conversation.of(Platform.FEISHU, "oc_" + UUID.randomUUID().toString().substring(0, 8));
        commands.handle(new InboundCommand(c, new Actor(Platform.FEISHU, "ou_lisi00000002", "李四"), "hepl"));
        String payload = jdbc.sql("select payload from outbox where channel = ?").param(c.channel())
                .query(String.class).single();
        assertThat(payload).contains("未知命令“hepl”。您是不是想输入：help？");
    }

    @Test
    void parameterErrorsAreInTheConversationsLanguage() {
        var c = Conversation.of(Platform.FEISHU, "oc_" + UUID.randomUUID().toString().substring(0, 8));
        commands.handle(new InboundCommand(c, new Actor(Platform.FEISHU, "ou_lisi00000002", "李四"),
                "scale backend --replicas 99"));
        String payload = jdbc.sql("select payload from outbox where channel = ?").param(c.channel())
                .query(String.class).single();
        assertThat(payload).contains("replicas 必须在 0 到 50 之间，而不是 99", "用法：/warroom scale <deployment>");
    }
}
