package io.warroom.directory;

import java.time.Instant;

/** Who holds an on-call role right now, until when, and whether an override put them there. */
public record OnDuty(String role, Person person, Instant until, boolean override) {
}
