package io.warroom.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The durable timers, run on H2 and on PostgreSQL. Each test uses its own key prefix. */
@Import(ScheduleContract.Handlers.class)
abstract class ScheduleContract {

    @Autowired Tasks tasks;
    @Autowired TaskRunner runner;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Recording recording;
    @Autowired TransactionTemplate tx;

    private final String prefix = "t" + Long.toHexString(System.nanoTime()) + "_";

    @Test
    void aKeyIsScheduledOnceWhateverHappensToIt() {
        Instant soon = clock.instant().plusSeconds(60);
        assertThat(tasks.schedule(prefix + "a", "test.record", soon, Map.of("n", "1"))).isTrue();
        assertThat(tasks.schedule(prefix + "a", "test.record", soon.plusSeconds(5), Map.of("n", "2"))).isFalse();
        assertThat(tasks.exists(prefix + "a")).isTrue();
        assertThat(tasks.exists(prefix + "b")).isFalse();
        assertThat(dueAt(prefix + "a")).isCloseTo(soon, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void onlyDueTasksRunAndEachRunsOnce() {
        tasks.schedule(prefix + "due", "test.record", clock.instant().minusSeconds(1), Map.of("n", "1"));
        tasks.schedule(prefix + "later", "test.record", clock.instant().plusSeconds(3600), Map.of());
        runner.runDue();
        runner.runDue();
        assertThat(recording.keys(prefix)).containsExactly(prefix + "due");
        assertThat(state(prefix + "due")).isEqualTo("DONE");
        assertThat(state(prefix + "later")).isEqualTo("PENDING");
        assertThat(recording.data.get(prefix + "due")).containsEntry("n", "1");
    }

    @Test
    void cancellingByPrefixTakesTheLiteralPrefix() {
        Instant due = clock.instant().minusSeconds(1);
        tasks.schedule(prefix + "esc:1:step-1", "test.record", due, Map.of());
        tasks.schedule(prefix + "esc:1:step-2", "test.record", due, Map.of());
        tasks.schedule(prefix + "esc:10:step-1", "test.record", due, Map.of());
        // '_' is a LIKE wildcard: "esc_1" must not match "esc:1".
        assertThat(tasks.cancel(prefix + "esc_1")).isZero();
        assertThat(tasks.cancel(prefix + "esc:1:")).isEqualTo(2);
        runner.runDue();
        assertThat(recording.keys(prefix)).containsExactly(prefix + "esc:10:step-1");
        assertThat(state(prefix + "esc:1:step-1")).isEqualTo("CANCELLED");
    }

    @Test
    void aFailingTaskRollsBackItsWorkAndIsRetriedLaterThenGivenUp() {
        jdbc.sql("create table if not exists task_effect (task_key varchar(300))").update();
        tasks.schedule(prefix + "fail", "test.fail", clock.instant().minusSeconds(1), Map.of());
        runner.runDue();
        assertThat(state(prefix + "fail")).isEqualTo("PENDING");
        assertThat(dueAt(prefix + "fail")).isAfter(clock.instant().plusSeconds(20));
        assertThat(jdbc.sql("select count(*) from task_effect where task_key = ?").param(prefix + "fail")
                .query(Long.class).single()).as("the failed attempt's insert rolled back").isZero();
        // Make it due again until the attempts run out.
        for (int i = 0; i < 10; i++) {
            jdbc.sql("update scheduled_task set due_at = ? where task_key = ? and state = 'PENDING'")
                    .params(JdbcTasks.ts(clock.instant().minusSeconds(1)), prefix + "fail").update();
            runner.runDue();
        }
        assertThat(state(prefix + "fail")).isEqualTo("FAILED");
        assertThat(jdbc.sql("select attempts from scheduled_task where task_key = ?").param(prefix + "fail")
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aTaskNobodyHandlesIsMarkedFailedNotRetriedForever() {
        tasks.schedule(prefix + "orphan", "test.nobody", clock.instant().minusSeconds(1), Map.of());
        runner.runDue();
        assertThat(state(prefix + "orphan")).isEqualTo("FAILED");
    }

    @Test
    void concurrentRunnersRunEveryTaskExactlyOnce() throws Exception {
        Instant due = clock.instant().minusSeconds(1);
        for (int i = 0; i < 120; i++) {
            tasks.schedule(prefix + "c" + i, "test.record", due, Map.of());
        }
        var pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(runner::runDue));
        }
        int total = 0;
        for (var f : runs) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(recording.keys(prefix)).hasSize(120).doesNotHaveDuplicates();
        assertThat(total).isEqualTo(120);
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverAndTheSlowRunnerCannotCommit() {
        tasks.schedule(prefix + "slow", "test.record", clock.instant().minusSeconds(1), Map.of());
        // A runner that died (or stalled) after claiming: its lease is over.
        jdbc.sql("update scheduled_task set state = 'RUNNING', claim_token = 'dead', claimed_until = ? where task_key = ?")
                .params(JdbcTasks.ts(clock.instant().minusSeconds(5)), prefix + "slow").update();
        runner.runDue();
        assertThat(recording.keys(prefix)).containsExactly(prefix + "slow");
        assertThat(state(prefix + "slow")).isEqualTo("DONE");
    }

    private String state(String key) {
        return jdbc.sql("select state from scheduled_task where task_key = ?").param(key).query(String.class).single();
    }

    private Instant dueAt(String key) {
        return jdbc.sql("select due_at from scheduled_task where task_key = ?").param(key)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }

    static class Recording {
        final List<String> keys = new CopyOnWriteArrayList<>();
        final Map<String, Map<String, String>> data = new ConcurrentHashMap<>();

        List<String> keys(String prefix) {
            return keys.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        Recording recording() {
            return new Recording();
        }

        @Bean
        TaskHandler recordingHandler(Recording recording) {
            return new TaskHandler() {
                @Override
                public String kind() {
                    return "test.record";
                }

                @Override
                public void run(Task task) {
                    recording.keys.add(task.key());
                    recording.data.put(task.key(), task.data());
                }
            };
        }

        @Bean
        TaskHandler failingHandler(JdbcClient jdbc) {
            return new TaskHandler() {
                @Override
                public String kind() {
                    return "test.fail";
                }

                @Override
                public void run(Task task) {
                    jdbc.sql("insert into task_effect (task_key) values (?)").param(task.key()).update();
                    throw new IllegalStateException("the task's target is down");
                }
            };
        }
    }
}
