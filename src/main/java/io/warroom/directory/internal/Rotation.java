package io.warroom.directory.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A role handed round its members every {@code length} from {@code start}, on duty inside its windows. */
record Rotation(String role, List<String> members, LocalDateTime start, Duration length, List<DutyWindow> windows) {

    /** Who holds the role at local time {@code t}, if the role is on duty then. */
    Optional<String> memberAt(LocalDateTime t) {
        if (t.isBefore(start) || !onDuty(t)) {
            return Optional.empty();
        }
        long turns = Duration.between(start, t).toMillis() / length.toMillis();
        return Optional.of(members.get((int) (turns % members.size())));
    }

    /** The handovers of turns (start, start + length, ...) from {@code from} to {@code to}, both included. */
    List<LocalDateTime> turnsBetween(LocalDateTime from, LocalDateTime to) {
        List<LocalDateTime> turns = new ArrayList<>();
        long k = from.isBefore(start) ? 0 : Duration.between(start, from).toMillis() / length.toMillis();
        for (LocalDateTime t = start.plus(length.multipliedBy(k)); !t.isAfter(to); t = t.plus(length)) {
            if (!t.isBefore(from)) {
                turns.add(t);
            }
        }
        return turns;
    }

    private boolean onDuty(LocalDateTime t) {
        return windows.stream().anyMatch(w -> w.contains(t));
    }
}
