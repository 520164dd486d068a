package io.warroom.incident.internal;

import java.util.List;
import java.util.Map;

/** {@code playbooks/*.yaml} as written (see docs/incidents.md "The playbook"). */
record PlaybookFile(Map<String, SeveritySpec> severities, DatabaseSpec database, Map<String, ChecklistSpec> checklists) {

    record SeveritySpec(Boolean warRoom, List<String> invite, String checklist) {
    }

    record DatabaseSpec(List<String> roles, List<String> words) {
    }

    record ChecklistSpec(List<StageSpec> stages) {
    }

    record StageSpec(String id, String budget, Map<String, String> title, Map<String, String> hint, List<String> commands,
                     String startsWhen, CompleteSpec completeWhen) {
    }

    record CompleteSpec(Boolean roomOpened, List<String> actionExecuted, Boolean recordDone) {
    }
}
