package io.warroom.incident.internal;

import java.util.List;
import java.util.Map;

/** {@code playbooks/*.yaml} as written (see docs/incidents.md "The playbook"). */
record PlaybookFile(Map<String, SeveritySpec> severities, DatabaseSpec database, Map<String, ChecklistSpec> checklists,
                    AlertsSpec alerts) {

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

    record AlertsSpec(Map<String, String> declare, List<AutoSpec> auto) {
    }

    record AutoSpec(String name, Map<String, String> match, Map<String, String> matchRe, List<String> present,
                    String severity) {
    }
}
