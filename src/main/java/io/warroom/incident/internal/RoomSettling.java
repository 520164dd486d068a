package io.warroom.incident.internal;

import io.warroom.chat.Platform;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import org.springframework.stereotype.Component;

/** Runs a new war room's follow-ups (see {@link RoomOutcomes#settle}) once, as a durable task. */
@Component
class RoomSettling implements TaskHandler {

    private final RoomOutcomes outcomes;

    RoomSettling(RoomOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public String kind() {
        return RoomOutcomes.ROOM_OPENED;
    }

    @Override
    public void run(Task task) {
        outcomes.settle(task.get("incident"), Platform.fromId(task.get("platform")));
    }
}
