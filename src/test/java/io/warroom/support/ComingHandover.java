package io.warroom.support;

import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.directory.RosterChanges;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A handover within the hour, whatever the real time, for tests on the wall clock (platform signatures
 * need it): one of the demo roster's on-call engineers is put on the front line by an override from the
 * next minute, and hands over to whoever the roster has next when it ends.
 */
public record ComingHandover(Person outgoing, Person incoming, Instant at) {

    public static ComingHandover arrange(Directory directory, RosterChanges changes) {
        Instant start = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
        Instant at = start.plus(Duration.ofHours(1));
        Person incoming = directory.onDuty(at.plusSeconds(1)).get(0).person();
        Person outgoing = List.of("zhang.san", "li.si", "wang.wu").stream().filter(id -> !id.equals(incoming.id()))
                .map(id -> directory.person(id).orElseThrow()).findFirst().orElseThrow();
        changes.override(directory.rotationRoles().get(0), outgoing, start, at, "test handover",
                directory.person("zhao.liu").orElseThrow());
        return new ComingHandover(outgoing, incoming, at);
    }
}
