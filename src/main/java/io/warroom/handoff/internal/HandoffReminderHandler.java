package io.warroom.handoff.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.handoff.HandoffReminded;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Not acknowledged in time: step 1 ({@code ack-reminder} after the handover) reminds both engineers, step 2
 * ({@code escalate-after} later) tells the tech lead as well. An acknowledgement cancels both; a reminder
 * that still comes for an acknowledged handoff does nothing.
 */
@Component
class HandoffReminderHandler implements TaskHandler {

    private final HandoffRepository repository;
    private final HandoffService handoffs;
    private final Directory directory;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandoffReminderHandler(HandoffRepository repository, HandoffService handoffs, Directory directory, Texts texts,
                           ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.handoffs = handoffs;
        this.directory = directory;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return HandoffService.REMIND;
    }

    @Override
    public void run(Task task) {
        Handoff h = repository.find(task.get("handoff")).orElse(null);
        if (h == null || h.state() == Handoff.State.ACKNOWLEDGED) {
            return;
        }
        int step = Integer.parseInt(task.get("step"));
        Person outgoing = handoffs.person(h.outgoing());
        Person incoming = handoffs.person(h.incoming());
        Map<String, Person> told = new LinkedHashMap<>();
        told.put(outgoing.id(), outgoing);
        told.put(incoming.id(), incoming);
        if (step >= 2) {
            directory.withRole("tech-lead", clock.instant()).forEach(p -> told.putIfAbsent(p.id(), p));
        }
        String key = "handoff.remind." + (h.state() == Handoff.State.OPEN ? "unsubmitted" : "unacknowledged") + (step >= 2 ? ".lead" : "");
        handoffs.tell(h, l -> {
            var m = OutboundMessage.builder().tone(OutboundMessage.Tone.WARNING)
                    .text(texts.get(l, key, outgoing.name(), incoming.name()));
            told.values().forEach(p -> m.mention(p.mention()));
            return m.build();
        });
        events.publishEvent(new HandoffReminded(h.stream(), clock.instant(), "warroom", h.publicId(), step, h.state().name(),
                new ArrayList<>(told.keySet())));
    }
}
