package io.warroom.schedule.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due tasks. Each is claimed with a conditional update that records a fresh token and a lease; the
 * handler's work and the "done" mark (conditional on that token) commit together, so a task whose lease
 * ran out and was taken over by another replica cannot also commit here. A crash leaves the claim to
 * expire and the task runs again, which is why effects belong in the handler's transaction.
 */
@Component
class TaskRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
    private static final int BATCH = 50;
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final Map<String, TaskHandler> handlers = new HashMap<>();
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final ScheduleProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;
    private volatile long lastFailureLog;

    TaskRunner(JdbcClient jdbc, List<TaskHandler> handlers, TransactionTemplate tx, ObjectMapper json,
               ScheduleProperties properties, MeterRegistry meters, Clock clock, TaskWakeup wakeup) {
        this.jdbc = jdbc;
        wakeup.register(this::wake);
        for (TaskHandler h : handlers) {
            TaskHandler previous = this.handlers.put(h.kind(), h);
            if (previous != null) {
                throw new IllegalStateException("Two task handlers for kind '" + h.kind() + "': "
                        + previous.getClass().getSimpleName() + " and " + h.getClass().getSimpleName());
            }
        }
        this.tx = tx;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Runs every task due now (including ones a dead replica had claimed); returns how many ran to the end. */
    int runDue() {
        int done = 0;
        while (true) {
            Instant now = clock.instant();
            List<Long> due = jdbc.sql("""
                    select id from scheduled_task
                    where (state = 'PENDING' and due_at <= :now) or (state = 'RUNNING' and claimed_until < :now)
                    order by due_at, id limit :limit""")
                    .param("now", JdbcTasks.ts(now)).param("limit", BATCH).query(Long.class).list();
            int ran = 0;
            for (long id : due) {
                if (runOne(id, now)) {
                    ran++;
                }
            }
            done += ran;
            // Tasks may schedule tasks that are due at once (an escalation step its webhook call): go round until none ran.
            if (ran == 0) {
                return done;
            }
        }
    }

    private boolean runOne(long id, Instant now) {
        String token = UUID.randomUUID().toString();
        int claimed = jdbc.sql("""
                update scheduled_task set state = 'RUNNING', claim_token = :token, claimed_until = :until,
                    attempts = attempts + 1
                where id = :id and ((state = 'PENDING' and due_at <= :now) or (state = 'RUNNING' and claimed_until < :now))""")
                .param("token", token).param("until", JdbcTasks.ts(now.plus(properties.lease()))).param("id", id)
                .param("now", JdbcTasks.ts(now)).update();
        if (claimed != 1) {
            return false;
        }
        Task task = jdbc.sql("select task_key, kind, data, due_at, attempts from scheduled_task where id = ?").param(id)
                .query((rs, n) -> new Task(rs.getString("task_key"), rs.getString("kind"),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(), read(rs.getString("data")),
                        rs.getInt("attempts")))
                .single();
        TaskHandler handler = handlers.get(task.kind());
        if (handler == null) {
            finish(id, token, "FAILED", "no handler for kind " + task.kind());
            log.warn("Task {} has kind '{}', which nothing handles: marked failed", task.key(), task.kind());
            count(task.kind(), "failed");
            return true;
        }
        try {
            tx.executeWithoutResult(s -> {
                handler.run(task);
                int n = jdbc.sql("""
                        update scheduled_task set state = 'DONE', finished_at = ?, claimed_until = null, last_error = null
                        where id = ? and claim_token = ? and state = 'RUNNING'""")
                        .params(JdbcTasks.ts(clock.instant()), id, token).update();
                if (n != 1) {
                    throw new LostClaim(task.key());
                }
            });
            count(task.kind(), "done");
            return true;
        } catch (LostClaim e) {
            log.info("Task {} was taken over by another runner before it finished here; its work here rolled back", task.key());
            return false;
        } catch (RuntimeException e) {
            boolean giveUp = task.attempt() >= properties.maxAttempts();
            log.warn("Task {} ({}) failed on attempt {}{}: {}", task.key(), task.kind(), task.attempt(),
                    giveUp ? ", giving up" : "", e.toString(), e);
            if (giveUp) {
                finish(id, token, "FAILED", e.toString());
            } else {
                jdbc.sql("""
                        update scheduled_task set state = 'PENDING', claim_token = null, claimed_until = null,
                            due_at = ?, last_error = ? where id = ? and claim_token = ?""")
                        .params(JdbcTasks.ts(clock.instant().plus(properties.retryAfter().multipliedBy(task.attempt()))),
                                truncate(e.toString()), id, token).update();
            }
            count(task.kind(), giveUp ? "failed" : "retried");
            return false;
        }
    }

    private void finish(long id, String token, String state, String error) {
        jdbc.sql("""
                update scheduled_task set state = ?, finished_at = ?, claimed_until = null, last_error = ?
                where id = ? and claim_token = ?""")
                .params(state, JdbcTasks.ts(clock.instant()), truncate(error), id, token).update();
    }

    void purge() {
        jdbc.sql("delete from scheduled_task where state in ('DONE', 'CANCELLED', 'FAILED') and finished_at < ?")
                .param(JdbcTasks.ts(clock.instant().minus(properties.keepFinished()))).update();
    }

    private void count(String kind, String outcome) {
        meters.counter("warroom.schedule.runs", "kind", kind, "outcome", outcome).increment();
    }

    private Map<String, String> read(String data) {
        try {
            return json.readValue(data, DATA);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable task data", e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    private void poll() {
        try {
            runDue();
        } catch (RuntimeException e) {
            // A database hiccup must not stop the timers; say so once a minute.
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 60_000) {
                lastFailureLog = now;
                log.warn("Scheduled tasks could not be run (retrying every {} ms): {}",
                        properties.pollInterval().toMillis(), e.toString());
            }
        }
    }

    /** Looks for due tasks now rather than at the next poll; nothing when the runner is paused or stopped. */
    private void wake() {
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            try {
                ex.execute(this::poll);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Stopping: the next start (or another replica) runs the task.
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-tasks");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        ex.scheduleWithFixedDelay(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                log.warn("Purging finished tasks failed: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
        executor = ex;
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdown();
            try {
                ex.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return !properties.paused();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Stops before the outbox dispatcher, so what a last task queued still goes out.
        return SmartLifecycle.DEFAULT_PHASE - 1280;
    }

    private static class LostClaim extends RuntimeException {
        LostClaim(String key) {
            super("lost the claim on task " + key);
        }
    }
}
