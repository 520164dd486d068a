package io.warroom.check.internal;

import java.util.List;

/** A periodic task the runbooks give a team: posted when due, with a "done" button. */
record Reminder(String id, Names names, Names details, Recurrence recurrence, Who who, String runbook) {

    /** Whom the reminder mentions: people by id, everyone in the groups, whoever holds the roles then. */
    record Who(List<String> people, List<String> groups, List<String> roles) {
        Who {
            people = people == null ? List.of() : List.copyOf(people);
            groups = groups == null ? List.of() : List.copyOf(groups);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
