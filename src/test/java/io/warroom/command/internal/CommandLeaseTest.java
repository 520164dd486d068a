package io.warroom.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warroom.command.Commands;
import io.warroom.support.H2Test;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A short lease is safe: a worker renews it while a slow command runs, so another worker does not take the
 * command over; and a worker that lost its lease anyway (paused longer than the lease) cannot commit the
 * command's effects after the worker that took over.
 */
@H2Test
class CommandLeaseTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;

    private final java.util.List<AutoCloseable> toClose = new java.util.ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private JdbcCommandInbox inbox(Commands commands, Duration lease) {
        var leases = new CommandLeases(jdbc, clock, lease);
        var inbox = new JdbcCommandInbox(jdbc, commands, tx, clock, leases, 2);
        toClose.add(() -> {
            inbox.destroy();
            leases.destroy();
        });
        return inbox;
    }

    private long stored(String channel) {
        jdbc.sql("""
                insert into command_inbox (platform, channel, user_id, display_name, text, state, created_at)
                values ('slack', ?, 'U0LISI', 'li', 'whoami', 'PENDING', ?)""").params(channel, OffsetDateTime.now()).update();
        return jdbc.sql("select id from command_inbox where channel = ?").param(channel).query(Long.class).single();
    }

    private String state(long id) {
        return jdbc.sql("select state from command_inbox where id = ?").param(id).query(String.class).single();
    }

    @Test
    void aSlowCommandKeepsItsLeaseAndIsNotTakenOver() throws Exception {
        String channel = "CLEASE" + UUID.randomUUID().toString().substring(0, 6);
        long id = stored(channel);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        var slow = inbox(c -> {
            first.incrementAndGet();
            waitFor(release);
        }, Duration.ofSeconds(3));
        var other = inbox(c -> second.incrementAndGet(), Duration.ofSeconds(3));

        Thread worker = new Thread(() -> slow.run(id));
        worker.start();
        // Twice the lease: without renewal the other worker would have taken it over by now.
        for (int i = 0; i < 12; i++) {
            Thread.sleep(500);
            other.sweep();
        }
        release.countDown();
        worker.join(10_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> state(id).equals("DONE"));
        assertThat(first).hasValue(1);
        assertThat(second).hasValue(0);
    }

    @Test
    void aWorkerThatLostItsLeaseCannotCommitAfterTheOneThatTookOver() throws Exception {
        String channel = "CFENCE" + UUID.randomUUID().toString().substring(0, 6);
        long id = stored(channel);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var paused = inbox(c -> {
            // An effect of the command, in the worker's transaction (as its answer in the outbox would be).
            stored(channel + "-effect");
            running.countDown();
            waitFor(release);
        }, Duration.ofSeconds(3));
        Thread worker = new Thread(() -> paused.run(id));
        worker.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        // Another worker claimed it meanwhile (the paused one's lease had run out) and finished it.
        jdbc.sql("update command_inbox set attempts = attempts + 1, state = 'DONE', claimed_until = null where id = ?").param(id).update();
        release.countDown();
        worker.join(10_000);
        assertThat(state(id)).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from command_inbox where channel = ?").param(channel + "-effect").query(Long.class).single())
                .as("the paused worker's effects were rolled back").isZero();
    }

    @Test
    void aLeaseTooShortToRenewIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new CommandLeases(jdbc, clock, Duration.ofSeconds(1)))
                .hasMessageContaining("warroom.command.lease must be at least 3s");
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
