package io.warroom.schedule.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a task that is due at once run at once instead of at the runner's next poll (work handed over from a
 * request, such as a Slack click answered before it runs). Its own bean so scheduling never depends on the
 * runner, whose handlers may themselves schedule.
 */
@Component
class TaskWakeup {

    private volatile Runnable runner = () -> { };

    void register(Runnable wake) {
        runner = wake;
    }

    /** Wakes the runner after the current transaction commits (the task is invisible before), or now. */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.run();
                }
            });
        } else {
            runner.run();
        }
    }
}
