package io.warroom.directory;

import java.time.Instant;
import java.util.List;

/**
 * An override or swap made from chat, or its cancellation: who gained which shifts ({@code given}) and the
 * shifts people lost to it ({@code taken}), so everyone affected can be told.
 */
public record RosterChange(String id, Kind kind, String reason, String by, Instant at, List<Shift> given,
                           List<Shift> taken) {

    public enum Kind { OVERRIDE, SWAP, CANCEL }

    public RosterChange {
        given = List.copyOf(given);
        taken = List.copyOf(taken);
    }

    /** Everyone who gains or loses a shift, each once, in the order they appear. */
    public List<Person> affected() {
        var seen = new java.util.LinkedHashMap<String, Person>();
        given.forEach(s -> seen.putIfAbsent(s.person().id(), s.person()));
        taken.forEach(s -> seen.putIfAbsent(s.person().id(), s.person()));
        return List.copyOf(seen.values());
    }
}
