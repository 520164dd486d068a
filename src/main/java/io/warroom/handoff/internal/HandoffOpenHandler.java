package io.warroom.handoff.internal;

import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The lead time before a handover came: the handoff is opened and its form goes to the outgoing engineer.
 * Skipped when the roster no longer has this handover, when the form was already submitted, or when a
 * later handover has already passed (after downtime: a form for a shift long over helps nobody).
 */
@Component
class HandoffOpenHandler implements TaskHandler {

    static final String KIND = "handoff.open";
    private static final Logger log = LoggerFactory.getLogger(HandoffOpenHandler.class);

    private final Handovers handovers;
    private final HandoffService handoffs;
    private final Clock clock;

    HandoffOpenHandler(Handovers handovers, HandoffService handoffs, Clock clock) {
        this.handovers = handovers;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        Instant at = Instant.parse(task.get("at"));
        var handover = handovers.find(at, task.get("outgoing"), task.get("incoming"));
        if (handover.isEmpty()) {
            log.info("Handover {} is no longer in the roster; no form", task.key());
            return;
        }
        Instant now = clock.instant();
        if (!handovers.between(at, now).isEmpty()) {
            log.info("Handover {} is behind a newer one that has passed; no form", task.key());
            return;
        }
        Handoff h = handoffs.ensure(handover.get());
        if (h.state() == Handoff.State.OPEN) {
            handoffs.sendForms(h, "warroom");
        }
    }
}
