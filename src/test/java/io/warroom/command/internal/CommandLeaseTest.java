package io.warroom.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
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
        return inbox(commands, lease, new CommandAdmission(500, new SimpleMeterRegistry()), 2);
    }

    private JdbcCommandInbox inbox(Commands commands, Duration lease, CommandAdmission admission, int workers) {
        var leases = new CommandLeases(jdbc, clock, lease);
        var inbox = new JdbcCommandInbox(jdbc, commands, tx, clock, leases, admission, workers, Duration.ofMillis(200));
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

    /**
     * A command accepted by a replica whose workers are busy waits in that replica's queue with its lease
     * renewed: another replica's sweep does not take it (it would run on a replica that did not accept it,
     * and both would spend a claim on it), and it runs once, where it was accepted.
     */
    @Test
    void aCommandQueuedBehindBusyWorkersIsNotTakenOverByAnotherReplica() throws Exception {
        String channel = "CQUEUE" + UUID.randomUUID().toString().substring(0, 6);
        CountDownLatch release = new CountDownLatch(1);
        java.util.List<String> ranHere = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger ranElsewhere = new AtomicInteger();
        var busy = inbox(c -> {
            ranHere.add(c.text());
            waitFor(release);
        }, Duration.ofSeconds(3), new CommandAdmission(10, new SimpleMeterRegistry()), 1);
        var other = inbox(c -> ranElsewhere.incrementAndGet(), Duration.ofSeconds(3));

        assertThat(busy.offer(command(channel, "first"))).isTrue();
        assertThat(busy.offer(command(channel, "second"))).isTrue();
        for (int i = 0; i < 12; i++) { // twice the lease
            Thread.sleep(500);
            other.sweep();
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from command_inbox where channel = ? and state = 'DONE'").param(channel).query(Long.class).single() == 2);
        assertThat(ranHere).containsExactly("first", "second");
        assertThat(ranElsewhere).hasValue(0);
    }

    /**
     * A replica holding as many commands as its queue allows refuses the next one as busy and stores nothing;
     * a refused offer in a rolled-back transaction gives its place back. What must not be refused (accept)
     * is stored unclaimed instead, for any replica's sweep.
     */
    @Test
    void aSaturatedReplicaRefusesAndStoresNothingButAcceptedWorkWaitsForTheSweep() throws Exception {
        String channel = "CBUSY" + UUID.randomUUID().toString().substring(0, 6);
        CountDownLatch release = new CountDownLatch(1);
        var admission = new CommandAdmission(2, new SimpleMeterRegistry());
        var busy = inbox(c -> waitFor(release), Duration.ofSeconds(3), admission, 1);
        AtomicInteger swept = new AtomicInteger();
        var other = inbox(c -> swept.incrementAndGet(), Duration.ofSeconds(3));

        assertThat(busy.offer(command(channel, "running"))).isTrue();
        assertThat(busy.offer(command(channel, "queued"))).isTrue();
        assertThat(busy.offer(command(channel + "-refused", "refused"))).as("third: the queue is full").isFalse();
        assertThat(jdbc.sql("select count(*) from command_inbox where channel = ?").param(channel + "-refused")
                .query(Long.class).single()).as("nothing stored for a refused command").isZero();
        assertThat(admission.held()).isEqualTo(2);
        assertThat(busy.reserve()).as("full, and no place frees within the wait").isNull();

        busy.accept(command(channel + "-late", "must not be lost"));
        assertThat(jdbc.sql("select state from command_inbox where channel = ?").param(channel + "-late")
                .query(String.class).single()).isEqualTo("PENDING");
        other.sweep();
        await().atMost(Duration.ofSeconds(10)).until(() -> swept.get() == 1);

        // A place that frees while a caller waits lets it in: the caller is slowed down, not refused.
        new Thread(() -> {
            sleep(50);
            release.countDown();
        }).start();
        try (var place = busy.reserve()) {
            assertThat(place).as("room within the wait, kept for the caller").isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> admission.held() == 1);
            assertThat(busy.offer(command(channel + "-reserved", "into its place"), place)).isTrue();
            assertThat(admission.held()).as("the reserved place, not one more").isLessThanOrEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.held() == 0);
        try (var unused = busy.reserve()) {
            assertThat(admission.held()).isEqualTo(1);
        }
        assertThat(admission.held()).as("closing an unused place gives it back").isZero();
        tx.executeWithoutResult(s -> {
            assertThat(busy.offer(command(channel + "-rolled-back", "rolled back"))).isTrue();
            s.setRollbackOnly();
        });
        assertThat(admission.held()).as("a rolled-back command gives its place back").isZero();
        assertThat(jdbc.sql("select count(*) from command_inbox where channel = ?").param(channel + "-rolled-back")
                .query(Long.class).single()).isZero();
    }

    private static InboundCommand command(String channel, String text) {
        return new InboundCommand(Conversation.of(Platform.SLACK, channel), new Actor(Platform.SLACK, "U0LISI", "li"), text);
    }

    @Test
    void aLeaseTooShortToRenewIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new CommandLeases(jdbc, clock, Duration.ofSeconds(1)))
                .hasMessageContaining("warroom.command.lease must be at least 3s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
