package io.warroom.handoff.internal;

import io.warroom.directory.OnCallChanged;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts every handover of the coming {@code horizon} on the durable timers: a {@code handoff.open} task at
 * the lead time before it, keyed by the handover (time and both people), so replicas add each once. It
 * plans at start-up, every half horizon (a {@code handoff.plan} task of its own), and in the transaction of
 * every roster change, whose new handovers (an override's start and end) get their forms too. A handover
 * the roster no longer has is skipped when its task comes.
 */
@Component
class HandoffPlanner implements TaskHandler {

    static final String PLAN = "handoff.plan";

    private final Handovers handovers;
    private final Tasks tasks;
    private final HandoffProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    HandoffPlanner(Handovers handovers, Tasks tasks, HandoffProperties properties, TransactionTemplate tx, Clock clock) {
        this.handovers = handovers;
        this.tasks = tasks;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** Schedules the forms of the handovers ahead (joins the caller's transaction) and the next planning. */
    void plan() {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (Handover h : handovers.between(now, now.plus(properties.horizon()))) {
            Instant due = h.at().minus(properties.leadTime());
            tasks.schedule(HandoffOpenHandler.KIND + ":" + h.key(), HandoffOpenHandler.KIND, due.isBefore(now) ? now : due,
                    Map.of("at", h.at().toString(), "outgoing", h.outgoing().id(), "incoming", h.incoming().id()));
        }
        long every = properties.horizon().dividedBy(2).toMillis();
        Instant next = Instant.ofEpochMilli((now.toEpochMilli() / every + 1) * every);
        tasks.schedule(PLAN + ":" + next, PLAN, next, Map.of());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        tx.executeWithoutResult(s -> plan());
    }

    @EventListener(OnCallChanged.class)
    void rosterChanged() {
        plan();
    }

    @Override
    public String kind() {
        return PLAN;
    }

    @Override
    public void run(Task task) {
        plan();
    }
}
