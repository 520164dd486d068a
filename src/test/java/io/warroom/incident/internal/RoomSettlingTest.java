package io.warroom.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.support.FakeGateway;
import io.warroom.support.TestGateways;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two war rooms open, and one settles (topic, checklist) before the other: the checklist's update that the
 * first one's "notify" stage makes must not go to the room whose checklist is not posted yet (it would fail
 * for good there, as an update of a message never sent). Found by the declare-during-a-storm benchmark, where
 * the task runner was busy enough to leave that gap. Task runner paused: each room settles when the test says.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:incident-settling;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.delivery.paused=true", "warroom.schedule.paused=true",
        "warroom.directory.roster=classpath:rosters/incident-roster.yaml"})
@Import({TestGateways.class, DrainForTests.class, RoomSettlingTest.FeishuToo.class})
class RoomSettlingTest {

    /** A second platform with a war room: the fake gateway for Feishu beside the test's fake Slack one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FeishuToo {
        @Bean
        FakeGateway fakeFeishuGateway() {
            return new FakeGateway(Platform.FEISHU);
        }
    }

    @Autowired Commands commands;
    @Autowired DrainForTests outbox;
    @Autowired RoomOutcomes outcomes;
    @Autowired RoomRepository rooms;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aRoomGetsTheChecklistsUpdatesOnlyOnceItHasTheChecklist() {
        String title = "search down " + UUID.randomUUID().toString().substring(0, 6);
        commands.handle(new InboundCommand(Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8)),
                new Actor(Platform.SLACK, "U0ZHANGSAN", "zhang"), "incident declare P0 " + title));
        String id = jdbc.sql("select id from incident where title = ?").param(title).query(String.class).single();
        outbox.drain();
        List<Room> open = rooms.of(id).stream().filter(r -> r.state() == Room.State.OPEN).toList();
        assertThat(open).as("a room on each configured platform").hasSizeGreaterThanOrEqualTo(2);

        // The first room settles: its checklist is posted and "notify" is done, which updates the checklist.
        Room first = open.get(0);
        Room second = open.get(1);
        tx.executeWithoutResult(s -> outcomes.settle(id, first.platform()));
        outbox.drain();
        assertThat(failedChecklistDeliveries(id)).isEmpty();
        assertThat(checklistOperations(id, second)).as("nothing for the room that has no checklist yet").isEmpty();

        tx.executeWithoutResult(s -> outcomes.settle(id, second.platform()));
        outbox.drain();
        assertThat(checklistOperations(id, second)).as("its checklist, posted when it settled").containsExactly("POST");
        assertThat(failedChecklistDeliveries(id)).isEmpty();
    }

    private List<String> failedChecklistDeliveries(String id) {
        return jdbc.sql("select last_error from outbox where message_key = ? and state = 'FAILED'")
                .param("incident:" + id + ":checklist").query(String.class).list();
    }

    private List<String> checklistOperations(String id, Room room) {
        return jdbc.sql("select operation from outbox where message_key = ? and platform = ? and channel = ? order by id")
                .params("incident:" + id + ":checklist", room.platform().id(), room.conversation().channel())
                .query(String.class).list();
    }
}
