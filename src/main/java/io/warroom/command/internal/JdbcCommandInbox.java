package io.warroom.command.internal;

import static io.warroom.command.internal.CommandRunner.truncate;
import static io.warroom.command.internal.CommandRunner.ts;

import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.CommandInbox;
import io.warroom.command.Commands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
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
 * The command inbox on one table. A command accepted here is inserted already claimed by this replica
 * (state RUNNING, a lease, claim number 1) and handed to a local worker with the command in hand, so the
 * common path costs one insert before the ack and one fenced "done" update after the run: no claim
 * update, no re-read, and no other replica's sweeper takes a command its accepting replica is about to run.
 * When commands queue up, a worker runs those waiting in one transaction ({@link CommandRunner}), never two
 * groups with the same conversation at once ({@link LocalQueue}).
 * The local queue is bounded ({@link CommandAdmission}): a saturated replica refuses with "busy" rather
 * than acknowledging work its workers cannot finish for a minute. Leases of queued and running commands are
 * renewed together ({@link CommandLeases}); each claim is numbered, and only the current claim may finish
 * the row, so the command's effects commit once even if its lease was taken over. The sweeper picks up
 * rows nobody runs (left by a crash, by a replica that went away, or stored unclaimed while this replica
 * was saturated) and, when it finds any, keeps going batch after batch at the workers' pace until none is
 * left: a backlog of thousands after a {@code kill -9} is worked off at full speed, not one batch per
 * sweep. A command that keeps failing is given up after a few attempts, and says so in the log.
 */
@Component
class JdbcCommandInbox implements CommandInbox, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcCommandInbox.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CommandLeases leases;
    private final CommandAdmission admission;
    private final ExecutorService workers;
    private final int batch;
    private final Duration admissionWait;
    private final ExecutorService sweeper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warroom-command-sweeper");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final LocalQueue local = new LocalQueue();
    private final CommandRunner runner;

    JdbcCommandInbox(JdbcClient jdbc, Commands commands, TransactionTemplate tx, Clock clock, CommandLeases leases,
                     CommandAdmission admission, @Value("${warroom.command.workers:4}") int workers,
                     @Value("${warroom.command.queue-wait:1s}") Duration admissionWait) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.leases = leases;
        this.admission = admission;
        this.admissionWait = admissionWait;
        this.runner = new CommandRunner(jdbc, commands, tx, clock, leases);
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
    public void accept(InboundCommand c, Place place) {
        store(c, reserved(place) || admission.tryEnter());
    }

    private static boolean reserved(Place place) {
        return place instanceof CommandAdmission.Reserved r && r.use();
    }

    @Override
    public boolean offer(InboundCommand c, Place place) {
        if (!reserved(place) && !admission.tryEnter()) {
            return false;
        }
        store(c, true);
        return true;
    }

    @Override
    public Place reserve() {
        return admission.reserve(admissionWait);
    }

    /** @param mine run here (a place in the local queue is taken), or leave the row to any replica's sweep */
    private void store(InboundCommand c, boolean mine) {
        long id;
        try {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into command_inbox (platform, channel, thread, user_id, display_name, text, trigger_ref, state,
                        attempts, claimed_until, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.conversation().platform().id(), c.conversation().channel(), c.conversation().thread(),
                            c.actor().userId(), c.actor().displayName(), truncate(c.text(), 4000), c.trigger(),
                            mine ? "RUNNING" : "PENDING", mine ? 1 : 0, mine ? leases.until() : null, ts(clock.instant()))
                    .update(keys, "id");
            id = keys.getKeyAs(Number.class).longValue();
        } catch (RuntimeException e) {
            if (mine) {
                admission.leave();
            }
            throw e;
        }
        if (!mine) {
            return;
        }
        // Renewed from now on: a long local queue must not let another replica's sweep take the row over.
        leases.hold(id, 1);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            submit(id, c);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    submit(id, c);
                } else {
                    leases.release(id);
                    admission.leave();
                }
            }
        });
    }

    private void submit(long id, InboundCommand c) {
        Claimed claimed = new Claimed(id, c, 1);
        local.add(claimed);
        try {
            workers.execute(this::workLocal);
        } catch (RejectedExecutionException e) {
            // Shutting down: once its lease runs out, the next start (or another replica) runs it.
            if (local.remove(claimed)) {
                leases.release(id);
                admission.leave();
            }
        }
    }

    /**
     * Runs local commands, a group at a time, while there are any this worker may take. Each accepted command
     * submits one of these, so a command left waiting because its conversation was another group's is taken
     * by that group's worker when it comes round again.
     */
    private void workLocal() {
        Set<String> mine = new HashSet<>();
        Claimed first;
        while ((first = local.take(mine)) != null) {
            List<Claimed> taken = new ArrayList<>(CommandRunner.MAX_GROUP);
            try {
                runner.runGroup(first, () -> local.take(mine), taken);
            } finally {
                local.release(mine);
                mine.clear();
                taken.forEach(c -> admission.leave());
            }
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

    /** Claims a row nobody is running (its lease ran out, or it was stored unclaimed) and runs it. */
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
        leases.hold(id, row.get().attempts());
        runner.runAlone(new Claimed(id, row.get().command(), row.get().attempts()));
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void purge() {
        jdbc.sql("delete from command_inbox where state in ('DONE', 'FAILED') and created_at < ?")
                .param(ts(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    private record Row(InboundCommand command, int attempts) {
    }

    @Override
    public void destroy() throws InterruptedException {
        sweeper.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
