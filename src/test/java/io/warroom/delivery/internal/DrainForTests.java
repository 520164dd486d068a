package io.warroom.delivery.internal;

import org.springframework.stereotype.Component;

/** Lets tests outside this package send what is queued, synchronously, while the dispatcher is paused. */
@Component
public class DrainForTests {

    private final OutboxDispatcher dispatcher;

    DrainForTests(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public int drain() {
        return dispatcher.drain();
    }
}
