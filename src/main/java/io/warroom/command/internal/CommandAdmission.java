package io.warroom.command.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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

    CommandAdmission(@Value("${warroom.command.queue:500}") int capacity, MeterRegistry meters) {
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
     * Waits up to {@code wait} for a place to be free, without taking it. A saturated replica that answered
     * "busy" at once would spend its CPU answering busy to clients that ask again at once, and its workers
     * would starve: waiting a little (outside any transaction) lets the load slow itself down to the rate the
     * workers keep up with, and only what still finds no room is refused.
     */
    boolean awaitRoom(Duration wait) {
        try {
            if (places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                places.release();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        places.release();
    }

    int held() {
        return capacity - places.availablePermits();
    }
}
