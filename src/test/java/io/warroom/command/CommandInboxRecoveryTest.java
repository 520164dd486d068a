package io.warroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.support.Replicas;
import io.warroom.support.TestGateways;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command inbox after a {@code kill -9}: thousands of commands acknowledged to the platform but not yet
 * run, and a few the killed process was running under its lease. With one replica restarting, and with a
 * second replica that was running all along taking over: every command runs, once, at the workers' pace
 * (not one batch per sweep), and the killed process's own commands after its lease (15 s by default).
 * The figures printed here are the ones in docs/reliability.md.
 */
class CommandInboxRecoveryTest {

    /** Acknowledged, not started when the process died (PENDING, no claim). */
    static final int BACKLOG = 3000;
    /** Being run by the process when it died (RUNNING, its lease still running). */
    static final int IN_FLIGHT = 4;
    static final Duration LEASE = Duration.ofSeconds(15);

    private final Replicas replicas = new Replicas("inbox_recovery");

    @AfterEach
    void stop() {
        replicas.stopAll();
    }

    private ConfigurableApplicationContext replica(String... settings) {
        List<String> all = new ArrayList<>(List.of("--warroom.delivery.paused=true", "--warroom.schedule.paused=true"));
        all.addAll(List.of(settings));
        return replicas.start(List.of(TestGateways.class), all.toArray(String[]::new));
    }

    /** What a killed replica leaves in the table: the backlog, and its own commands under a lease that has not run out. */
    private static void leftByAKilledReplica(JdbcTemplate jdbc) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < BACKLOG + IN_FLIGHT; i++) {
            boolean running = i < IN_FLIGHT;
            rows.add(new Object[] {"CREC" + i, running ? "RUNNING" : "PENDING", running ? 1 : 0,
                    running ? now.plus(LEASE) : null, now});
        }
        jdbc.batchUpdate("""
                insert into command_inbox (platform, channel, user_id, display_name, text, state, attempts, claimed_until,
                    created_at) values ('slack', ?, 'U0LISI', 'li', 'whoami', ?, ?, ?, ?)""", rows);
    }

    private static long notDone(JdbcClient db, boolean inFlight) {
        return db.sql("select count(*) from command_inbox where state <> 'DONE' and attempts " + (inFlight ? ">= 1" : "= 0")
                        + " and channel like 'CREC%'").query(Long.class).single();
    }

    private static void eachAnsweredOnce(JdbcClient db) {
        assertThat(db.sql("select count(*) from command_inbox where state <> 'DONE'").query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from outbox where channel like 'CREC%'").query(Long.class).single())
                .as("one answer per command").isEqualTo(BACKLOG + IN_FLIGHT);
        assertThat(db.sql("select count(distinct channel) from outbox where channel like 'CREC%'").query(Long.class).single())
                .isEqualTo(BACKLOG + IN_FLIGHT);
    }

    @Test
    void aRestartedReplicaWorksOffTheBacklogAtFullSpeed() {
        // The killed process: it created the schema; its rows are written as it would have left them.
        var killed = replica("--warroom.command.sweep=1h");
        leftByAKilledReplica(killed.getBean(JdbcTemplate.class));
        replicas.stop(killed);

        long start = System.nanoTime();
        var restarted = replica();
        long ready = System.nanoTime();
        var db = restarted.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> notDone(db, false) == 0);
        long backlogDone = System.nanoTime();
        await().atMost(LEASE.plusSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> notDone(db, true) == 0);
        long inFlightDone = System.nanoTime();
        eachAnsweredOnce(db);
        report("one replica restarted", start, ready, backlogDone, inFlightDone);
        // 50 rows per 5 s sweep would take five minutes; at the workers' pace it is seconds.
        assertThat(Duration.ofNanos(backlogDone - ready)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aSecondReplicaTakesOverAKilledReplicasBacklog() {
        var survivor = replica();
        var other = replica();
        long start = System.nanoTime();
        leftByAKilledReplica(survivor.getBean(JdbcTemplate.class));
        var db = survivor.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> notDone(db, false) == 0);
        long backlogDone = System.nanoTime();
        await().atMost(LEASE.plusSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> notDone(db, true) == 0);
        long inFlightDone = System.nanoTime();
        eachAnsweredOnce(db);
        report("two replicas running", start, start, backlogDone, inFlightDone);
        assertThat(Duration.ofNanos(backlogDone - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(other.isRunning()).isTrue();
    }

    private static void report(String how, long start, long ready, long backlogDone, long inFlightDone) {
        double backlogSeconds = (backlogDone - ready) / 1e9;
        System.out.printf("inbox recovery (%s): start-up %.1f s; %d acknowledged commands run in %.1f s after ready (%.0f/s);"
                        + " the killed process's %d running commands done %.1f s after ready (lease %s)%n",
                how, (ready - start) / 1e9, BACKLOG, backlogSeconds, BACKLOG / backlogSeconds, IN_FLIGHT,
                (inFlightDone - ready) / 1e9, LEASE);
    }
}
