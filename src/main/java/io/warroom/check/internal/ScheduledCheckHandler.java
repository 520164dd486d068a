package io.warroom.check.internal;

import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A slot of a check list's schedule: runs the list and posts the report to the on-call channels. */
@Component
class ScheduledCheckHandler implements TaskHandler {

    static final String KIND = "check.run";
    private static final Logger log = LoggerFactory.getLogger(ScheduledCheckHandler.class);

    private final CheckCatalog catalog;
    private final CheckService checks;
    private final Slots slots;
    private final CheckProperties properties;

    ScheduledCheckHandler(CheckCatalog catalog, CheckService checks, Slots slots, CheckProperties properties) {
        this.catalog = catalog;
        this.checks = checks;
        this.slots = slots;
        this.properties = properties;
    }

    static String series(CheckList list) {
        return "check:" + list.id();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        String series = task.get("series");
        var list = catalog.lists().stream().filter(l -> series(l).equals(series) && l.recurrence() != null).findFirst();
        if (list.isEmpty()) {
            log.info("Check slot {} belongs to no scheduled list any more; not run", task.key());
            return;
        }
        if (slots.due(task, KIND, series, list.get().recurrence()) == Slots.Decision.RUN) {
            checks.run(list.get(), null, "schedule", Instant.parse(task.get("slot")), null, properties.conversations());
        }
    }
}
