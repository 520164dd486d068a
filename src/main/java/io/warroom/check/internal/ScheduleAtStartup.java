package io.warroom.check.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure every scheduled list and reminder has its next slot as a task. A slot missed while no
 * replica ran already has its task (its predecessor scheduled it) and runs late; see {@link Slots}.
 */
@Component
class ScheduleAtStartup {

    private final CheckCatalog catalog;
    private final Slots slots;
    private final TransactionTemplate tx;

    ScheduleAtStartup(CheckCatalog catalog, Slots slots, TransactionTemplate tx) {
        this.catalog = catalog;
        this.slots = slots;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void planNextSlots() {
        tx.executeWithoutResult(s -> {
            for (CheckList list : catalog.lists()) {
                if (list.recurrence() != null) {
                    slots.ensureNext(ScheduledCheckHandler.KIND, ScheduledCheckHandler.series(list), list.recurrence());
                }
            }
            for (Reminder r : catalog.reminders()) {
                slots.ensureNext(ReminderHandler.KIND, ReminderHandler.series(r), r.recurrence());
            }
        });
    }
}
