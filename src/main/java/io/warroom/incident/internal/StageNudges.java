package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.delivery.Priority;
import io.warroom.incident.IncidentStageOverdue;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A checklist stage's budget ran out: one nudge in the war rooms, mentioning the commander, and the checklist
 * shows the stage as overdue. Scheduled once per stage (the task's key), so a room is never flooded.
 */
@Component
class StageNudges implements TaskHandler {

    private final IncidentRepository incidents;
    private final StageRepository stages;
    private final Checklists checklists;
    private final IncidentPosts posts;
    private final People people;
    private final Texts texts;
    private final ChatTimes times;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StageNudges(IncidentRepository incidents, StageRepository stages, Checklists checklists, IncidentPosts posts,
                People people, Texts texts, ChatTimes times, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.stages = stages;
        this.checklists = checklists;
        this.posts = posts;
        this.people = people;
        this.texts = texts;
        this.times = times;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Checklists.NUDGE;
    }

    @Override
    public void run(Task task) {
        Incident i = incidents.lock(task.get("incident")).orElse(null);
        String stageId = task.get("stage");
        if (i == null || !i.status().open()) {
            return;
        }
        var row = stages.all(i.id()).stream().filter(r -> r.stageId().equals(stageId)).findFirst().orElse(null);
        var stage = checklists.checklist(i).flatMap(c -> c.stage(stageId)).orElse(null);
        if (row == null || stage == null || row.done()) {
            return;
        }
        events.publishEvent(new IncidentStageOverdue(i.stream(), clock.instant(), People.WARROOM, stageId,
                stage.budget().toSeconds()));
        String commander = incidents.roles(i.id()).get(Roles.COMMANDER);
        posts.post(i, posts.roomsOrOrigin(i), l -> {
            var m = OutboundMessage.builder().tone(OutboundMessage.Tone.WARNING)
                    .text(texts.get(l, "incident.nudge", stage.title(l), times.duration(stage.budget(), l),
                            times.format(row.startedAt()), i.id()));
            people.mention(commander).ifPresent(m::mention);
            return m.build();
        }, Priority.URGENT);
        checklists.refresh(i);
    }
}
