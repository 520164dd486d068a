package io.warroom.shared;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs short units of database work from many threads in shared transactions: whatever is waiting when a
 * transaction starts goes into it, so a burst costs one commit for many units instead of one each. A
 * commit is what a database spends most on per stored request (H2 writes its changed pages, a production
 * PostgreSQL flushes its log), and request threads queued behind each other's commits were the limit of
 * the intake path at saturation (see docs/benchmarks.md).
 *
 * <p>No thread of its own: the first caller to find no group running leads one; it takes what waits (its
 * own unit among it), runs it, and wakes the others with their results. A lone caller runs at once, so
 * nothing waits at human rates. When the shared transaction fails, for whatever unit's reason, it rolls
 * back as a whole and every unit is run again alone in a transaction of its own: the failing one fails for
 * its caller only, and the others are stored as if they had never shared. So a unit must be safe to run a
 * second time after a rollback (database work, no calls to the outside) and must not mark the transaction
 * rollback-only (a refused unit undoes its own writes instead).
 */
public final class GroupCommit {

    private enum State { WAITING, DONE, ALONE }

    private static final class Unit<R> {
        final Supplier<R> work;
        State state = State.WAITING;
        R result;

        Unit(Supplier<R> work) {
            this.work = work;
        }

        void run() {
            result = work.get();
        }
    }

    private final TransactionTemplate tx;
    private final int maxUnits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private final ArrayDeque<Unit<?>> waiting = new ArrayDeque<>();
    private boolean leading;

    /** Units per transaction at most for request intake: a burst of a platform's retries fits, locks stay short. */
    public static final int INTAKE_UNITS = 64;

    /** @param maxUnits the most units one transaction takes (a bound on how long its locks are held) */
    public GroupCommit(TransactionTemplate tx, int maxUnits) {
        if (maxUnits < 1) {
            throw new IllegalArgumentException("a group holds at least one unit, got " + maxUnits);
        }
        this.tx = tx;
        this.maxUnits = maxUnits;
    }

    /** Runs {@code work} in a transaction, shared with the work of other threads waiting at the same time. */
    public <R> R execute(Supplier<R> work) {
        Unit<R> unit = new Unit<>(work);
        // A ReentrantLock, not a monitor: request threads may be virtual, and must not pin their carrier.
        lock.lock();
        try {
            waiting.add(unit);
            while (unit.state == State.WAITING) {
                if (leading) {
                    settled.awaitUninterruptibly();
                    continue;
                }
                leading = true;
                List<Unit<?>> group = new ArrayList<>(Math.min(maxUnits, waiting.size()));
                while (group.size() < maxUnits && !waiting.isEmpty()) {
                    group.add(waiting.poll());
                }
                lock.unlock();
                State outcome = State.ALONE;
                try {
                    outcome = runTogether(group);
                } finally {
                    lock.lock();
                    for (Unit<?> u : group) {
                        u.state = outcome;
                    }
                    leading = false;
                    settled.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (unit.state == State.ALONE) {
            return tx.execute(s -> work.get());
        }
        return unit.result;
    }

    /** Units waiting for a group to take them (tests wait for a burst to have formed). */
    int queued() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private State runTogether(List<Unit<?>> group) {
        try {
            Boolean committed = tx.execute(s -> {
                for (Unit<?> u : group) {
                    u.run();
                }
                return !s.isRollbackOnly();
            });
            return Boolean.TRUE.equals(committed) ? State.DONE : State.ALONE;
        } catch (RuntimeException e) {
            // Whose fault it was is found out alone: each unit runs again in its own transaction.
            return State.ALONE;
        }
    }
}
