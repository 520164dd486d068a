package io.warroom.alert.internal.thread;

import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import org.springframework.stereotype.Component;

/** Rebuilds a storm digest once per slot in which its groups changed (see {@link Storms#requestRefresh}). */
@Component
class DigestRefresh implements TaskHandler {

    static final String KIND = "alert.digest";

    private final Storms storms;

    DigestRefresh(Storms storms) {
        this.storms = storms;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        storms.refreshDigest(Long.parseLong(task.get("storm")));
    }
}
