package io.warroom.directory.internal;

import io.warroom.directory.Person;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The validated roster. */
record Roster(ZoneId zone, List<Person> people, List<Rotation> rotations, List<Override> overrides) {

    record Override(String role, String person, LocalDateTime from, LocalDateTime to) {
        boolean covers(String r, LocalDateTime t) {
            return role.equals(r) && !t.isBefore(from) && t.isBefore(to);
        }
    }
}
