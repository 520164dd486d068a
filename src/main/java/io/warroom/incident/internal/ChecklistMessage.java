package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Style;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.incident.internal.StageRepository.StageRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The checklist as a message: each stage with its time against its budget, the current stage's hint, and
 * buttons for the current stage's runbook commands (run through the normal command pipeline, so changes
 * still need approval) and for marking it done.
 */
@Component
class ChecklistMessage {

    private final StageRepository stages;
    private final ChecklistState checklists;
    private final Texts texts;
    private final ChatTimes times;
    private final Clock clock;

    ChecklistMessage(StageRepository stages, ChecklistState checklists, Texts texts, ChatTimes times, Clock clock) {
        this.stages = stages;
        this.checklists = checklists;
        this.texts = texts;
        this.times = times;
        this.clock = clock;
    }

    OutboundMessage render(Incident i, Locale l) {
        Playbook.Checklist checklist = checklists.checklist(i).orElseThrow();
        List<StageRow> rows = stages.all(i.id());
        StageRow current = checklists.current(i, rows).orElse(null);
        Instant now = clock.instant();
        StringBuilder text = new StringBuilder();
        boolean late = false;
        for (StageRow row : rows) {
            Playbook.Stage stage = checklist.stage(row.stageId()).orElseThrow();
            String budget = times.duration(stage.budget(), l);
            String title = row.position() + ". " + stage.title(l);
            String line;
            if (row.done()) {
                Duration took = Duration.between(row.startedAt(), row.doneAt());
                boolean over = took.compareTo(stage.budget()) > 0;
                line = texts.get(l, over ? "incident.checklist.done-late" : "incident.checklist.done", title,
                        times.duration(took, l), budget, texts.get(l, "incident.checklist.how." + row.doneHow()));
            } else if (current != null && row.stageId().equals(current.stageId()) && row.startedAt() != null) {
                Instant due = row.startedAt().plus(stage.budget());
                boolean overdue = now.isAfter(due);
                late |= overdue;
                line = texts.get(l, overdue ? "incident.checklist.overdue" : "incident.checklist.current", title,
                        times.format(row.startedAt()), budget, times.format(due));
            } else {
                line = texts.get(l, stage.startsWhenResolved() ? "incident.checklist.after-resolve" : "incident.checklist.waiting",
                        title, budget);
            }
            text.append(line).append('\n');
        }
        var m = OutboundMessage.builder().header(texts.get(l, "incident.checklist.header", i.severity().name(), i.id()))
                .tone(current == null ? Tone.SUCCESS : late ? Tone.WARNING : Tone.INFO);
        if (current != null) {
            Playbook.Stage stage = checklist.stage(current.stageId()).orElseThrow();
            if (!stage.hint(l).isEmpty()) {
                text.append('\n').append(stage.hint(l));
            }
            List<String> commands = stage.commands();
            for (int n = 0; n < commands.size(); n++) {
                int index = n;
                CommandTemplate.fill(commands.get(n), i.templateValues()).ifPresent(cmd ->
                        m.button(Actions.RUN, "/warroom " + cmd, i.id() + "|" + current.stageId() + "|" + index, Style.DEFAULT));
            }
            if (stage.onRecordDone()) {
                m.button(Actions.RECORD, texts.get(l, "incident.button.record"), i.id(), Style.PRIMARY);
            } else {
                m.button(Actions.STAGE_DONE, texts.get(l, "incident.checklist.button.done", stage.title(l)),
                        i.id() + "|" + current.stageId(), Style.PRIMARY);
            }
            if (i.service() == null && !commands.isEmpty()) {
                text.append('\n').append(texts.get(l, "incident.checklist.no-service"));
            }
        }
        return m.text(text.toString().strip()).build();
    }
}
