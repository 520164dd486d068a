package io.warroom.schedule.internal;

import org.springframework.stereotype.Component;

/** Lets tests outside this package run due tasks synchronously while the runner is paused. */
@Component
public class RunTasksForTests {

    private final TaskRunner runner;

    RunTasksForTests(TaskRunner runner) {
        this.runner = runner;
    }

    public int runDue() {
        return runner.runDue();
    }
}
