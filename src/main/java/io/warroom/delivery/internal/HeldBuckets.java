package io.warroom.delivery.internal;

import io.warroom.delivery.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's memory of rate-limit buckets found full, and of the slots it has already promised to rows
 * waiting behind them. Without it, a backlog behind one limit (thousands of ephemeral replies behind Slack's
 * 100 a minute, an alert storm behind a channel's one a second) came due all at once whenever a slot freed,
 * and every round re-read and sorted all of it to send one row. With it, each row behind a full bucket is
 * put back to a slot of its own, one interval after the previous one, so a round reads only what can go.
 *
 * <p>Only a hint: the buckets in the database stay the authority (a row given a slot here still takes it
 * there, and waits again if another replica spent it). A bucket's next free time only moves forward, so a
 * hint is never too early; it can be late only when the rows promised before it went elsewhere, and then by
 * no more than the wait those rows would have had.
 */
final class HeldBuckets {

    private static final int PRUNE_ABOVE = 1_000;
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);
    private static final Duration STORED_PRECISION = Duration.ofMillis(1);

    /**
     * @param free when the bucket has a slot again
     * @param tails the last slot promised to a waiting row, per lane below urgent (routine, normal): a lane
     *              queues behind itself only, so a reply does not wait behind a storm's routine edits
     */
    private record Held(Instant free, Instant[] tails, long intervalMicros, Instant seenAt) {

        Instant last() {
            return max(free, max(tails[0], tails[1]));
        }
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** The limiter refused a slot in {@code key} until {@code free}; the row that asked waits until then. */
    void full(String key, DeliveryProperties.Rate rate, Instant free, int priority, Instant now) {
        if (held.size() > PRUNE_ABOVE) {
            // One bucket per edited message can fill in a storm: keep only those still holding rows back.
            held.values().removeIf(h -> !h.last().isAfter(now));
        }
        held.compute(key, (k, old) -> {
            Instant[] tails = old == null ? new Instant[] {free, free} : old.tails().clone();
            int lane = lane(priority);
            if (lane >= 0) {
                tails[lane] = max(tails[lane], free);
            }
            return new Held(old == null ? free : max(old.free(), free), tails, rate.intervalMicros(), now);
        });
    }

    /**
     * When a row waiting on {@code key} may try again, or null when it should try now: the bucket is not known
     * to be full, or the row is due at or after the bucket's free time (a slot promised to it, or a wait the
     * limiter gave it: its turn has come, and only the database can say whether the slot is still there).
     * Rows that came due while the bucket was full queue: urgent ones take the bucket's next free slot (ahead
     * of the rows already waiting, as the ready order would put them); the others one interval behind the last
     * slot promised in their lane.
     */
    Instant slotFor(String key, int priority, Instant dueAt, Instant now) {
        Held h = held.get(key);
        // The database keeps microseconds at most: a row put back to exactly the free time reads back a little before it.
        if (h == null || (dueAt != null && !dueAt.isBefore(h.free().minus(STORED_PRECISION)))) {
            return null;
        }
        if (now.isBefore(h.seenAt().minus(CLOCK_SLACK))) {
            // The clock went back (a test's, or a corrected host clock): nothing learnt after "now" holds. A
            // little back is a round that began before the refusal it now reads.
            held.remove(key, h);
            return null;
        }
        int lane = lane(priority);
        if (lane < 0) {
            return h.free().isAfter(now) ? h.free() : null;
        }
        Instant tail = max(h.free(), h.tails()[lane]);
        if (!tail.isAfter(now)) {
            if (!h.last().isAfter(now)) {
                held.remove(key, h);
            }
            return null;
        }
        Instant slot = tail.plus(h.intervalMicros(), ChronoUnit.MICROS);
        Instant[] tails = h.tails().clone();
        tails[lane] = slot;
        held.replace(key, h, new Held(h.free(), tails, h.intervalMicros(), h.seenAt()));
        return slot;
    }

    /** A full drain trusts only the database (tests reset the buckets between cases). */
    void forget() {
        held.clear();
    }

    /** 0 routine, 1 normal, -1 urgent (no queue of its own: it takes the next free slot). */
    private static int lane(int priority) {
        if (priority >= Priority.URGENT.weight()) {
            return -1;
        }
        return priority > Priority.ROUTINE.weight() ? 1 : 0;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
