package io.warroom.command.internal;

import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.CommandInbox;
import io.warroom.command.Commands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command inbox on one table. A worker claims a row with a lease (conditional update, so replicas
 * share the work), runs the command and marks it done in one transaction, fenced by its claim's number so
 * the command's effects commit once even if its lease was taken over ({@link CommandLeases}). The sweeper
 * picks up rows nobody runs (left by a crash, or by a replica that went away) and, when it finds any, keeps
 * going batch after batch at the workers' pace until none is left: a backlog of thousands after a
 * {@code kill -9} is worked off at full speed, not one batch per sweep. A command that keeps failing is
 * given up after a few attempts, and says so in the log.
 */
@Component
class JdbcCommandInbox implements CommandInbox, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcCommandInbox.class);
    private static final int MAX_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final Commands commands;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CommandLeases leases;
    private final ExecutorService workers;
    private final int batch;
    private final ExecutorService sweeper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warroom-command-sweeper");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean sweeping = new AtomicBoolean();

    JdbcCommandInbox(JdbcClient jdbc, Commands commands, TransactionTemplate tx, Clock clock, CommandLeases leases,
                     @Value("${warroom.command.workers:4}") int workers) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "warroom-command-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Enough rows to keep every worker busy while the next batch is read, few enough to share with replicas.
        this.batch = Math.max(1, workers) * 8;
    }

    @Override
    public void accept(InboundCommand c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into command_inbox (platform, channel, thread, user_id, display_name, text, trigger_ref, state,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(c.conversation().platform().id(), c.conversation().channel(), c.conversation().thread(),
                        c.actor().userId(), c.actor().displayName(), truncate(c.text(), 4000), c.trigger(), ts(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(id);
                }
            });
        } else {
            submit(id);
        }
    }

    private void submit(long id) {
        try {
            workers.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            // Shutting down: the sweeper of the next start (or another replica) runs it.
        }
    }

    /** Rows nobody is running: left by a crash, or queued while workers were busy. Returns at once. */
    @Scheduled(fixedDelayString = "${warroom.command.sweep:5s}", initialDelayString = "${warroom.command.sweep:5s}")
    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            sweeper.execute(this::workOffBacklog);
        } catch (RejectedExecutionException e) {
            sweeping.set(false);
        }
    }

    /** Batch after batch, each as soon as the workers finished the last, until a batch comes back short. */
    private void workOffBacklog() {
        try {
            while (true) {
                List<Long> ids = jdbc.sql("""
                        select id from command_inbox where (state = 'PENDING' or state = 'RUNNING')
                           and (claimed_until is null or claimed_until < ?) order by id limit ?""")
                        .params(ts(clock.instant()), batch).query(Long.class).list();
                List<Future<?>> running = new ArrayList<>();
                for (long id : ids) {
                    running.add(workers.submit(() -> run(id)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                if (ids.size() < batch) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException | DataAccessException e) {
            // The database is away or we are stopping: the next sweep (here or on another replica) carries on.
            log.warn("Command sweep stopped: {}", e.getCause() == null ? e.toString() : e.getCause().toString());
        } finally {
            sweeping.set(false);
        }
    }

    void run(long id) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                update command_inbox set state = 'RUNNING', claimed_until = ?, attempts = attempts + 1
                where id = ? and state in ('PENDING', 'RUNNING') and (claimed_until is null or claimed_until < ?)""")
                .params(leases.until(), id, ts(now)).update();
        if (claimed != 1) {
            return;
        }
        Optional<Row> row = jdbc.sql("select * from command_inbox where id = ?").param(id)
                .query((rs, n) -> new Row(new InboundCommand(
                        new Conversation(Platform.fromId(rs.getString("platform")), rs.getString("channel"),
                                rs.getString("thread")),
                        new Actor(Platform.fromId(rs.getString("platform")), rs.getString("user_id"),
                                rs.getString("display_name")),
                        rs.getString("text"), rs.getString("trigger_ref")), rs.getInt("attempts"))).optional();
        if (row.isEmpty()) {
            return;
        }
        int attempt = row.get().attempts();
        leases.hold(id, attempt);
        try {
            tx.executeWithoutResult(s -> {
                commands.handle(row.get().command());
                int finished = jdbc.sql("""
                        update command_inbox set state = 'DONE', claimed_until = null
                        where id = ? and attempts = ? and state = 'RUNNING'""").params(id, attempt).update();
                if (finished != 1) {
                    throw new LeaseLost();
                }
            });
        } catch (LeaseLost e) {
            log.warn("Command #{} was taken over by another worker (lease of {} ran out): its answer from here is dropped",
                    id, leases.lease());
        } catch (RuntimeException e) {
            boolean giveUp = attempt >= MAX_ATTEMPTS;
            log.error("Command #{} failed (attempt {}{})", id, attempt, giveUp ? ", giving up" : "", e);
            jdbc.sql("update command_inbox set state = ?, claimed_until = ?, last_error = ? where id = ? and attempts = ?")
                    .params(giveUp ? "FAILED" : "PENDING", giveUp ? null : ts(now.plusSeconds(10L * attempt)),
                            truncate(e.toString(), 500), id, attempt).update();
        } finally {
            leases.release(id);
        }
    }

    /** The row was claimed again by another worker while this one ran: roll back so the command's effects commit once. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void purge() {
        jdbc.sql("delete from command_inbox where state in ('DONE', 'FAILED') and created_at < ?")
                .param(ts(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    private record Row(InboundCommand command, int attempts) {
    }

    private static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void destroy() throws InterruptedException {
        sweeper.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
