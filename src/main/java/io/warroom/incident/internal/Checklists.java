package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.incident.IncidentStageCompleted;
import io.warroom.incident.internal.StageRepository.StageRow;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The timed checklist of an incident whose severity has one (P0: confirm, notify, locate, recover, verify,
 * postmortem). Stages run in order; the current one's budget counts from when the one before it was done,
 * and a durable task nudges the room once when it runs over. Stages are done by a click, or by themselves
 * (a war room opened, an approved restart or rollback ran in a war room, the record is complete); a stage
 * done ahead of its turn is skipped when its turn comes. The checklist message is updated in place.
 */
@Component
class Checklists {

    static final String NUDGE = "incident.stage-nudge";

    private final Playbook playbook;
    private final ChecklistState state;
    private final StageRepository stages;
    private final RoomRepository rooms;
    private final ChecklistMessage messages;
    private final IncidentPosts posts;
    private final Outbox outbox;
    private final Tasks tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Checklists(Playbook playbook, ChecklistState state, StageRepository stages, RoomRepository rooms, ChecklistMessage messages,
               IncidentPosts posts, Outbox outbox, Tasks tasks, ApplicationEventPublisher events, Clock clock) {
        this.playbook = playbook;
        this.state = state;
        this.stages = stages;
        this.rooms = rooms;
        this.messages = messages;
        this.posts = posts;
        this.outbox = outbox;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** Starts the severity's checklist, once; the message goes where the incident is worked on. */
    void start(Incident i) {
        var checklist = playbook.checklistFor(i.severity());
        if (checklist.isEmpty() || !stages.insert(i.id(), checklist.get().stages().stream().map(Playbook.Stage::id).toList())) {
            return;
        }
        advance(i, clock.instant());
        for (Conversation c : where(i)) {
            outbox.enqueue(Delivery.post(c, key(i), messages.render(i, posts.locale(c)), Priority.NORMAL));
        }
        // A room opened before the checklist started (a severity raised later) counts for "notify".
        if (rooms.of(i.id()).stream().anyMatch(r -> r.state() == Room.State.OPEN)) {
            completeWhere(i, s -> s.onRoomOpened(), "room-opened", People.WARROOM);
        }
    }

    /** A war room exists: the checklist joins it, and a stage waiting for that is done. */
    void roomOpened(Incident i, Room room) {
        if (stages.all(i.id()).isEmpty()) {
            return;
        }
        outbox.enqueue(Delivery.post(room.conversation(), key(i), messages.render(i, posts.locale(room.conversation())),
                Priority.NORMAL));
        completeWhere(i, Playbook.Stage::onRoomOpened, "room-opened", People.WARROOM);
    }

    /** An approved action ran in a war room; a stage that waits for such an action (restart, rollback) is done. */
    void actionExecuted(Incident i, String action, String actor) {
        completeWhere(i, s -> s.completedBy(action), "action-executed", actor);
    }

    void recordDone(Incident i, String by) {
        completeWhere(i, Playbook.Stage::onRecordDone, "record-done", by);
    }

    /** Resolved: stages that wait for it (the postmortem) start; the others' nudges are called off. */
    void resolved(Incident i) {
        if (stages.all(i.id()).isEmpty()) {
            return;
        }
        tasks.cancel(nudgeKeyPrefix(i));
        advance(i, clock.instant());
        refresh(i);
    }

    /** @return false when the stage does not exist or was done already */
    boolean complete(Incident i, String stageId, String how, String by) {
        Optional<Playbook.Stage> stage = checklist(i).flatMap(c -> c.stage(stageId));
        if (stage.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        List<StageRow> rows = stages.all(i.id());
        Instant currentStart = current(i, rows).map(StageRow::startedAt).orElse(now);
        if (!stages.complete(i.id(), stageId, now, by, how, currentStart)) {
            return false;
        }
        StageRow done = stages.all(i.id()).stream().filter(r -> r.stageId().equals(stageId)).findFirst().orElseThrow();
        events.publishEvent(new IncidentStageCompleted(i.stream(), now, by, stageId, how,
                Duration.between(done.startedAt(), now).toSeconds(), stage.get().budget().toSeconds()));
        tasks.cancel(nudgeKey(i, stageId));
        advance(i, now);
        refresh(i);
        return true;
    }

    void refresh(Incident i) {
        if (stages.all(i.id()).isEmpty()) {
            return;
        }
        for (Conversation c : where(i)) {
            outbox.enqueue(Delivery.update(c, key(i), messages.render(i, posts.locale(c)), Priority.NORMAL));
        }
    }

    Optional<StageRow> current(Incident i, List<StageRow> rows) {
        return state.current(i, rows);
    }

    Optional<Playbook.Checklist> checklist(Incident i) {
        return state.checklist(i);
    }

    static String key(Incident i) {
        return i.key("checklist");
    }

    static String nudgeKey(Incident i, String stageId) {
        return nudgeKeyPrefix(i) + stageId;
    }

    private static String nudgeKeyPrefix(Incident i) {
        return "incident.nudge:" + i.id() + ":";
    }

    /** The rooms that exist, or the origin when the incident has no rooms at all. */
    private List<Conversation> where(Incident i) {
        List<Room> all = rooms.of(i.id());
        if (all.stream().noneMatch(Room::usable)) {
            return List.of(i.origin());
        }
        // A room gets the checklist when it settles; until then an update there would precede its post.
        return all.stream().filter(r -> r.state() == Room.State.OPEN && r.settled()).map(Room::conversation).toList();
    }

    private void completeWhere(Incident i, java.util.function.Predicate<Playbook.Stage> when, String how, String by) {
        checklist(i).ifPresent(c -> c.stages().stream().filter(when).forEach(s -> complete(i, s.id(), how, by)));
    }

    /** Starts the current stage's clock (once) and schedules its one nudge. */
    private void advance(Incident i, Instant now) {
        var rows = stages.all(i.id());
        current(i, rows).ifPresent(row -> {
            var stage = checklist(i).flatMap(c -> c.stage(row.stageId())).orElseThrow();
            Instant started = row.startedAt() != null ? row.startedAt() : now;
            if (stages.start(i.id(), row.stageId(), started) && !stage.onRecordDone()) {
                // The record's own reminder covers the postmortem; every other stage is nudged once.
                tasks.schedule(nudgeKey(i, row.stageId()), NUDGE, started.plus(stage.budget()),
                        Map.of("incident", i.id(), "stage", row.stageId()));
            }
        });
    }
}
