package io.warroom.directory.internal;

import java.time.Duration;
import java.time.LocalDateTime;
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

    /** When the current turn ends (the next handover), at or after {@code t}. */
    LocalDateTime turnEndsAfter(LocalDateTime t) {
        long turns = Math.max(0, Duration.between(start, t).toMillis() / length.toMillis());
        return start.plus(length.multipliedBy(turns + 1));
    }

    /** The end of the duty period containing {@code t}, to the minute, looking at most a week ahead. */
    LocalDateTime dutyEndsAfter(LocalDateTime t) {
        LocalDateTime cursor = t.withSecond(0).withNano(0).plusMinutes(1);
        LocalDateTime limit = t.plusDays(7);
        while (cursor.isBefore(limit) && onDuty(cursor)) {
            cursor = cursor.plusMinutes(1);
        }
        return cursor;
    }

    private boolean onDuty(LocalDateTime t) {
        return windows.stream().anyMatch(w -> w.contains(t));
    }
}
