package io.warroom.command.internal;

import io.micrometer.core.instrument.Gauge;
import io.warroom.command.CommandInbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many accepted commands this replica may hold, queued or running, before it answers "busy". The bound
 * is what keeps an ack honest: beyond it, an acknowledged command would wait in memory longer than anyone
 * waits for an answer, and the heap would grow with the backlog. The default lets four workers answer the
 * last command in the queue well within a second at the rates this replica sustains (see
 * docs/benchmarks.md); a human-paced team never comes near it.
 */
@Component
class CommandAdmission {

    private final int capacity;
    private final Semaphore places;

    CommandAdmission(@Value("${warroom.command.queue:250}") int capacity, MeterRegistry meters) {
        if (capacity < 1) {
            throw new IllegalArgumentException("warroom.command.queue must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.places = new Semaphore(capacity);
        Gauge.builder("warroom.commands.queued", this, CommandAdmission::held)
                .description("Commands accepted by this replica and not yet finished").register(meters);
    }

    boolean tryEnter() {
        return places.tryAcquire();
    }

    /**
     * Waits up to {@code wait} for a place and takes it for the caller. A saturated replica that answered
     * "busy" at once would spend its CPU answering busy to clients that ask again at once, and its workers
     * would starve: waiting a little (outside any transaction) lets the load slow itself down to the rate the
     * workers keep up with. The place is kept for the caller, not only seen free: otherwise every waiter woken
     * by one freed place would go on to find it taken, and be refused after all.
     *
     * @return null when none freed within the wait
     */
    Reserved reserve(Duration wait) {
        try {
            return places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) ? new Reserved() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A place taken by {@link #reserve}: used once by the command offered into it, or given back on close. */
    final class Reserved implements CommandInbox.Place {

        private final AtomicBoolean held = new AtomicBoolean(true);

        /** @return true when the place was still held: it now belongs to the command being stored */
        boolean use() {
            return held.getAndSet(false);
        }

        @Override
        public void close() {
            if (held.getAndSet(false)) {
                leave();
            }
        }
    }

    void leave() {
        places.release();
    }

    int held() {
        return capacity - places.availablePermits();
    }
}
