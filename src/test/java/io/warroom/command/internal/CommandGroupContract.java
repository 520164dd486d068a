package io.warroom.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands that queue up run several to a transaction: one commit for the group, yet each command commits
 * or rolls back for itself, what a failed command registered for after the commit is dropped with it, and
 * the commands of one conversation run one at a time, in the order they came.
 */
abstract class CommandGroupContract {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired DataSource dataSource;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        // The context (and its database) is shared with other tests, whose sweeps must not find this one's retries.
        jdbc.sql("update command_inbox set state = 'FAILED', claimed_until = null where channel like ? and state <> 'DONE'")
                .param("%" + run).update();
    }

    private JdbcCommandInbox inbox(Commands commands, int workers) {
        var leases = new CommandLeases(jdbc, clock, Duration.ofSeconds(15));
        var inbox = new JdbcCommandInbox(jdbc, commands, tx, clock, leases, new CommandAdmission(500, new SimpleMeterRegistry()),
                workers, Duration.ofMillis(200));
        toClose.add(() -> {
            inbox.destroy();
            leases.destroy();
        });
        return inbox;
    }

    private InboundCommand command(String channel, String text) {
        return new InboundCommand(Conversation.of(Platform.SLACK, channel + run), new Actor(Platform.SLACK, "U0LISI", "li"), text);
    }

    /** An effect of a command, in its transaction: a row the test can count afterwards. */
    private void effect(InboundCommand c) {
        jdbc.sql("""
                insert into command_inbox (platform, channel, user_id, display_name, text, state, created_at)
                values ('slack', ?, 'U0LISI', 'li', ?, 'DONE', ?)""")
                .params("effect" + run, c.text(), java.time.OffsetDateTime.now()).update();
    }

    private List<String> effects() {
        return jdbc.sql("select text from command_inbox where channel = ? order by text").param("effect" + run)
                .query(String.class).list();
    }

    private String state(String channel) {
        return jdbc.sql("select state from command_inbox where channel = ?").param(channel + run).query(String.class).single();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The transaction a command runs in (its connection holder is made anew for each transaction). */
    private Object currentTransaction() {
        return TransactionSynchronizationManager.getResource(dataSource);
    }

    /** Keeps an inbox's only worker busy with a command alone, so that what is accepted meanwhile queues up. */
    private final class Blocker {
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Commands before(Commands rest) {
            return c -> {
                if (c.text().equals("blocker")) {
                    running.countDown();
                    waitFor(release);
                    return;
                }
                rest.handle(c);
            };
        }

        void occupy(JdbcCommandInbox inbox) {
            inbox.accept(command("Cblock", "blocker"));
            waitFor(running);
        }
    }

    @Test
    void commandsWaitingForTheWorkerShareOneCommitAndEachIsDoneOnce() {
        var blocker = new Blocker();
        Map<String, Object> transactionOf = new ConcurrentHashMap<>();
        AtomicInteger runs = new AtomicInteger();
        var inbox = inbox(blocker.before(c -> {
            runs.incrementAndGet();
            transactionOf.put(c.text(), currentTransaction());
            effect(c);
        }), 1);
        blocker.occupy(inbox);
        for (int i = 0; i < 10; i++) {
            inbox.accept(command("Cgroup" + i, "cmd" + i));
        }
        blocker.release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> effects().size() == 10);
        for (int i = 0; i < 10; i++) {
            String channel = "Cgroup" + i;
            await().atMost(Duration.ofSeconds(5)).until(() -> state(channel).equals("DONE"));
        }

        assertThat(runs).hasValue(10);
        Set<Object> transactions = Collections.newSetFromMap(new IdentityHashMap<>());
        transactions.addAll(transactionOf.values());
        assertThat(transactions).as("ten queued commands, fewer commits").hasSizeLessThan(10);
        assertThat(effects()).containsExactlyInAnyOrder("cmd0", "cmd1", "cmd2", "cmd3", "cmd4", "cmd5", "cmd6", "cmd7",
                "cmd8", "cmd9");
    }

    /** The failure is a database error: on PostgreSQL it aborts the transaction until the savepoint is restored. */
    @Test
    void aFailingCommandRollsBackAloneAndWhatItRegisteredForAfterTheCommitIsDropped() {
        var blocker = new Blocker();
        List<String> afterCommit = new CopyOnWriteArrayList<>();
        List<String> rolledBack = new CopyOnWriteArrayList<>();
        Map<String, Object> transactionOf = new ConcurrentHashMap<>();
        AtomicInteger badRuns = new AtomicInteger();
        var inbox = inbox(blocker.before(c -> {
            transactionOf.put(c.text() + (c.text().equals("flaky") ? badRuns.get() : ""), currentTransaction());
            effect(c);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.add(c.text());
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        rolledBack.add(c.text());
                    }
                }
            });
            if (c.text().equals("broken") || c.text().equals("flaky") && badRuns.incrementAndGet() == 1) {
                jdbc.sql("insert into command_inbox (no_such_column) values (1)").update();
            }
        }), 1);
        blocker.occupy(inbox);
        inbox.accept(command("Cok1", "ok1"));
        inbox.accept(command("Cflaky", "flaky"));
        inbox.accept(command("Cbroken", "broken"));
        inbox.accept(command("Cok2", "ok2"));
        blocker.release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> state("Cok2").equals("DONE") && state("Cflaky").equals("DONE")
                && state("Cok1").equals("DONE") && !state("Cbroken").equals("RUNNING"));

        assertThat(transactionOf.get("ok1")).as("ok1 and ok2 shared a transaction with the flaky command's first run")
                .isSameAs(transactionOf.get("ok2")).isSameAs(transactionOf.get("flaky0"));
        assertThat(transactionOf.get("flaky1")).as("the flaky command ran again in a transaction of its own")
                .isNotSameAs(transactionOf.get("ok1"));
        assertThat(effects()).containsExactlyInAnyOrder("flaky", "ok1", "ok2");
        assertThat(afterCommit).containsExactlyInAnyOrder("ok1", "flaky", "ok2");
        assertThat(rolledBack).as("each failed run heard it rolled back").containsExactlyInAnyOrder("flaky", "broken", "broken");
        assertThat(state("Cbroken")).isEqualTo("PENDING");
        assertThat(jdbc.sql("select last_error from command_inbox where channel = ?").param("Cbroken" + run)
                .query(String.class).single()).contains("no_such_column");
    }

    @Test
    void commandsOfOneConversationNeverRunInTwoGroupsAtOnceAndKeepTheirOrder() {
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<String, List<Integer>> order = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        var inbox = inbox(c -> {
            String channel = c.conversation().channel();
            if (running.computeIfAbsent(channel, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            order.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(c.text()));
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.get(channel).decrementAndGet();
        }, 3);
        for (int i = 0; i < 90; i++) {
            inbox.accept(command("Corder" + (i % 3), String.valueOf(i)));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> order.values().stream().mapToInt(List::size).sum() == 90);

        assertThat(overlaps).as("commands of one conversation running at the same time").hasValue(0);
        assertThat(order).hasSize(3);
        order.values().forEach(seen -> assertThat(seen).isSorted().hasSize(30));
    }
}
