package io.warroom.incident.internal;

import io.warroom.incident.internal.StageRepository.StageRow;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which checklist an incident runs and which of its stages is current. */
@Component
class ChecklistState {

    private final Playbook playbook;
    private final StageRepository stages;

    ChecklistState(Playbook playbook, StageRepository stages) {
        this.playbook = playbook;
        this.stages = stages;
    }

    /** The checklist that was started; it stays even if the severity changed since. */
    Optional<Playbook.Checklist> checklist(Incident i) {
        List<String> ids = stages.all(i.id()).stream().map(StageRow::stageId).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return playbook.checklists().values().stream()
                .filter(c -> c.stages().stream().map(Playbook.Stage::id).toList().equals(ids))
                .findFirst();
    }

    /** The stage whose clock runs: the first not done whose turn has come (the postmortem's comes at resolve). */
    Optional<StageRow> current(Incident i, List<StageRow> rows) {
        var checklist = checklist(i).orElse(null);
        if (checklist == null) {
            return Optional.empty();
        }
        boolean resolved = !i.status().open();
        return rows.stream().filter(r -> !r.done())
                .filter(r -> checklist.stage(r.stageId()).map(s -> s.startsWhenResolved() == resolved).orElse(false))
                .findFirst();
    }
}
