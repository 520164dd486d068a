package io.warroom.check.internal;

import java.util.List;
import java.util.Optional;

/** The loaded check lists and reminders. */
record CheckCatalog(List<CheckList> lists, List<Reminder> reminders) {

    CheckCatalog {
        lists = List.copyOf(lists);
        reminders = List.copyOf(reminders);
    }

    Optional<CheckList> list(String id) {
        return lists.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    Optional<Reminder> reminder(String id) {
        return reminders.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The list a check id belongs to, when exactly one list has it. */
    Optional<CheckList> listOfCheck(String checkId) {
        var found = lists.stream().filter(l -> l.checks().stream().anyMatch(c -> c.id().equals(checkId))).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
