package io.warroom.command.internal;

import io.warroom.command.Commands;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs claimed commands and marks them done in the same transaction as their effects (timeline entries, the
 * queued reply), alone or several in one transaction. The commit is what a command costs most at saturation
 * (H2 writes every page the transaction changed; PostgreSQL flushes its log), so when commands queue up a
 * worker runs the queued ones together: each in a savepoint of its own, one commit for all. A command that
 * fails rolls back to its savepoint, and what it registered to happen after the commit (a reply's wake-up,
 * an event's listeners) is dropped with it; it is then run again alone, exactly as if it had never shared,
 * and fails or succeeds for itself only. A group stops taking commands after {@value #MAX_GROUP} or once it
 * has run for {@link #GROUP_TIME}, so a command's answer waits for at most that much of other commands' work
 * (plus the run of the one command that may overrun it, such as a slow cluster read).
 */
final class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    static final int MAX_ATTEMPTS = 3;
    static final int MAX_GROUP = 16;
    static final Duration GROUP_TIME = Duration.ofMillis(50);

    private enum Outcome { DONE, LOST, FAILED }

    private final JdbcClient jdbc;
    private final Commands commands;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CommandLeases leases;

    CommandRunner(JdbcClient jdbc, Commands commands, TransactionTemplate tx, Clock clock, CommandLeases leases) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
    }

    /** Runs a command in a transaction of its own, and finishes the row if this claim still holds it. */
    void runAlone(Claimed c) {
        try {
            tx.executeWithoutResult(s -> {
                commands.handle(c.command());
                if (!finish(c)) {
                    throw new LeaseLost();
                }
            });
        } catch (LeaseLost e) {
            lost(c);
        } catch (RuntimeException e) {
            boolean giveUp = c.attempt() >= MAX_ATTEMPTS;
            log.error("Command #{} failed (attempt {}{})", c.id(), c.attempt(), giveUp ? ", giving up" : "", e);
            jdbc.sql("update command_inbox set state = ?, claimed_until = ?, last_error = ? where id = ? and attempts = ?")
                    .params(giveUp ? "FAILED" : "PENDING", giveUp ? null : ts(clock.instant().plusSeconds(10L * c.attempt())),
                            truncate(e.toString(), 500), c.id(), c.attempt()).update();
        } finally {
            leases.release(c.id());
        }
    }

    /**
     * Runs {@code first}, and the commands {@code more} hands out while the group has room and time, in one
     * transaction. Every command handed out is added to {@code taken} as soon as it is, so the caller knows
     * what to account for even if this throws; each has been run (and its lease released) when this returns.
     */
    void runGroup(Claimed first, Supplier<Claimed> more, List<Claimed> taken) {
        taken.add(first);
        Claimed second = more.get();
        if (second == null) {
            runAlone(first);
            return;
        }
        taken.add(second);
        Map<Claimed, Outcome> outcomes = new HashMap<>();
        AtomicBoolean committed = new AtomicBoolean();
        long deadline = System.nanoTime() + GROUP_TIME.toNanos();
        try {
            tx.executeWithoutResult(s -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        committed.set(status == STATUS_COMMITTED);
                    }
                });
                for (Claimed c = first; c != null; c = next(taken, outcomes.size(), more, deadline)) {
                    outcomes.put(c, runInSavepoint(s, c));
                }
            });
        } catch (RuntimeException e) {
            if (committed.get()) {
                // Committed, then something after the commit threw: the commands are done, do not run them again.
                log.warn("After-commit work of {} commands failed: {}", taken.size(), e.toString());
            } else {
                log.warn("A shared transaction of {} commands failed ({}); running each alone", taken.size(), e.toString());
            }
        }
        for (Claimed c : taken) {
            Outcome o = outcomes.get(c);
            if (o == Outcome.LOST || committed.get() && o == Outcome.DONE) {
                leases.release(c.id());
            } else {
                // It failed, or the group did not commit: alone, as if it had never shared.
                runAlone(c);
            }
        }
    }

    /** The next command of the group after {@code ran} have run: one already taken, or one more while there is room and time. */
    private static Claimed next(List<Claimed> taken, int ran, Supplier<Claimed> more, long deadline) {
        if (ran < taken.size()) {
            return taken.get(ran);
        }
        if (taken.size() >= MAX_GROUP || System.nanoTime() >= deadline) {
            return null;
        }
        Claimed c = more.get();
        if (c != null) {
            taken.add(c);
        }
        return c;
    }

    private Outcome runInSavepoint(TransactionStatus s, Claimed c) {
        Object savepoint = s.createSavepoint();
        List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
        try {
            commands.handle(c.command());
            if (s.isRollbackOnly()) {
                // Something inside failed and was caught: alone, its commit would have failed.
                undo(s, savepoint, before);
                return Outcome.FAILED;
            }
            if (!finish(c)) {
                undo(s, savepoint, before);
                lost(c);
                return Outcome.LOST;
            }
            s.releaseSavepoint(savepoint);
            return Outcome.DONE;
        } catch (RuntimeException e) {
            log.debug("Command #{} failed in a shared transaction, it runs again alone: {}", c.id(), e.toString());
            undo(s, savepoint, before);
            return Outcome.FAILED;
        }
    }

    /**
     * Rolls the transaction back to the savepoint and forgets what was registered since: those callbacks
     * belong to work that will never commit, so they hear now that it rolled back.
     */
    private static void undo(TransactionStatus s, Object savepoint, List<TransactionSynchronization> before) {
        s.rollbackToSavepoint(savepoint);
        List<TransactionSynchronization> dropped = new ArrayList<>(TransactionSynchronizationManager.getSynchronizations());
        dropped.removeIf(sync -> before.stream().anyMatch(kept -> kept == sync));
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        before.forEach(TransactionSynchronizationManager::registerSynchronization);
        for (TransactionSynchronization sync : dropped) {
            try {
                sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
            } catch (RuntimeException e) {
                log.warn("A rolled-back command's clean-up failed: {}", e.toString());
            }
        }
    }

    /** The fenced "done": only the current claim may finish the row. */
    private boolean finish(Claimed c) {
        return jdbc.sql("update command_inbox set state = 'DONE', claimed_until = null where id = ? and attempts = ? and state = 'RUNNING'")
                .params(c.id(), c.attempt()).update() == 1;
    }

    private void lost(Claimed c) {
        log.warn("Command #{} was taken over by another worker (lease of {} ran out): its answer from here is dropped",
                c.id(), leases.lease());
    }

    /** The row was claimed again by another worker while this one ran: roll back so the command's effects commit once. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    static OffsetDateTime ts(java.time.Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
