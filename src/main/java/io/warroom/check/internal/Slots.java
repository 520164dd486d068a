package io.warroom.check.internal;

import io.warroom.schedule.Task;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recurring work as a chain of durable tasks, one per slot ({@code check:daily:2026-11-30T01:00:00Z}): the
 * task of a slot schedules the next one when it runs, and start-up makes sure the next slot has its task.
 * Slot keys are unique, so replicas add each slot once and it runs once. After downtime the pending slot
 * runs late, once; a slot left so far behind that a newer one has also passed does not run but hands over
 * to the newest passed slot, so a long outage ends in one late run, not a burst.
 */
@Component
class Slots {

    private static final Logger log = LoggerFactory.getLogger(Slots.class);

    /** What a due slot task should do. */
    enum Decision { RUN, SKIP }

    private final Tasks tasks;
    private final Clock clock;

    Slots(Tasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    static String key(String series, Instant slot) {
        return series + ":" + slot;
    }

    /** Makes sure the first slot after now is scheduled (joins the caller's transaction). */
    void ensureNext(String kind, String series, Recurrence recurrence) {
        schedule(kind, series, recurrence.next(clock.instant()));
    }

    /**
     * For a due slot task: RUN (the next slot is now scheduled), or SKIP when it is no slot of the current
     * schedule or a newer slot has passed too (then that newer slot is scheduled, to run at once).
     */
    Decision due(Task task, String kind, String series, Recurrence recurrence) {
        Instant slot = Instant.parse(task.get("slot"));
        Instant now = clock.instant();
        if (!recurrence.isSlot(slot)) {
            log.info("{} is no longer a slot of {} ({}); not run", task.key(), series, recurrence);
            ensureNext(kind, series, recurrence);
            return Decision.SKIP;
        }
        Instant next = recurrence.next(slot);
        if (!next.isAfter(now)) {
            Instant newest = recurrence.latestAtOrBefore(now);
            log.info("{} is behind a newer slot ({}): skipped, the newest runs instead", task.key(), newest);
            schedule(kind, series, newest);
            ensureNext(kind, series, recurrence);
            return Decision.SKIP;
        }
        schedule(kind, series, next);
        return Decision.RUN;
    }

    private void schedule(String kind, String series, Instant slot) {
        tasks.schedule(key(series, slot), kind, slot, Map.of("series", series, "slot", slot.toString()));
    }
}
