package io.warroom.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.CommandInbox;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.support.FakeGateway;
import io.warroom.support.H2Test;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Commands acknowledged to a platform are stored first, run once, and survive the process that took them. */
@H2Test
class CommandInboxTest {

    @Autowired CommandInbox inbox;
    @Autowired JdbcCommandInbox worker;
    @Autowired FakeGateway slack;
    @Autowired DrainForTests drain;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private static Conversation channel() {
        return Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
    }

    private String state(Conversation c) {
        return jdbc.sql("select state from command_inbox where channel = ?").param(c.channel()).query(String.class).single();
    }

    @Test
    void anAcceptedCommandRunsOnceAndItsAnswerIsSent() {
        var c = channel();
        inbox.accept(new InboundCommand(c, new Actor(Platform.SLACK, "U0LISI", "li"), "whoami"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(c).equals("DONE"));
        drain.drain();
        assertThat(slack.calls(c.channel())).singleElement()
                .satisfies(call -> assertThat(call.message().header()).isEqualTo("李四 Li Si"));
        worker.sweep();
        drain.drain();
        assertThat(slack.calls(c.channel())).hasSize(1);
    }

    @Test
    void aCommandInARolledBackTransactionIsNotKept() {
        var c = channel();
        try {
            tx.executeWithoutResult(s -> {
                inbox.accept(new InboundCommand(c, new Actor(Platform.SLACK, "U0LISI", "li"), "whoami"));
                throw new IllegalStateException("the event could not be recorded");
            });
        } catch (IllegalStateException expected) {
            // the caller's failure takes the stored command with it
        }
        assertThat(jdbc.sql("select count(*) from command_inbox where channel = ?").param(c.channel())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCommandLeftByACrashedWorkerIsRunByTheSweeper() {
        var c = channel();
        // Stored and claimed by a process that died before running it: its lease has run out.
        jdbc.sql("""
                insert into command_inbox (platform, channel, user_id, display_name, text, state, attempts,
                    claimed_until, created_at) values ('slack', ?, 'U0WANGWU', 'wang', 'oncall', 'RUNNING', 1, ?, ?)""")
                .params(c.channel(), OffsetDateTime.now().minusSeconds(1), OffsetDateTime.now().minusMinutes(3)).update();
        worker.sweep();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(c).equals("DONE"));
        drain.drain();
        assertThat(slack.calls(c.channel())).singleElement()
                .satisfies(call -> assertThat(call.message().header()).isEqualTo("On call now"));
    }
}
