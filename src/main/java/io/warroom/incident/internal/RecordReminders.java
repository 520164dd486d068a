package io.warroom.incident.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.delivery.Priority;
import io.warroom.incident.IncidentRecordReminded;
import io.warroom.incident.IncidentStatus;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The record is still not done some time after resolve (24 h by default): the commander is reminded, once. */
@Component
class RecordReminders implements TaskHandler {

    private final IncidentRepository incidents;
    private final IncidentPosts posts;
    private final People people;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordReminders(IncidentRepository incidents, IncidentPosts posts, People people, Texts texts,
                    ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.posts = posts;
        this.people = people;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Resolutions.REMINDER;
    }

    @Override
    public void run(Task task) {
        Incident i = incidents.lock(task.get("incident")).orElse(null);
        if (i == null || i.status() != IncidentStatus.RESOLVED) {
            return;
        }
        String commander = incidents.roles(i.id()).get(Roles.COMMANDER);
        events.publishEvent(new IncidentRecordReminded(i.stream(), clock.instant(), People.WARROOM,
                commander == null ? "" : commander));
        posts.post(i, posts.everywhere(i), l -> {
            var m = OutboundMessage.builder().tone(OutboundMessage.Tone.WARNING)
                    .text(texts.get(l, "incident.record.reminder", i.id(), i.title()))
                    .button(Actions.RECORD, texts.get(l, "incident.button.record"), i.id(), OutboundMessage.Style.PRIMARY);
            people.mention(commander).ifPresent(m::mention);
            return m.build();
        }, Priority.NORMAL);
    }
}
