package io.warroom.incident.internal;

import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who is pulled into an incident, as the playbook says for its severity: the roster roles (rotation roles
 * resolve to whoever is on duty now), the DBA when the title or a label mentions a database, the declarer,
 * the incident's role holders, and anyone the caller adds. Person id → why, in that order.
 */
@Component
class Invitees {

    private final Playbook playbook;
    private final Directory directory;

    Invitees(Playbook playbook, Directory directory) {
        this.playbook = playbook;
        this.directory = directory;
    }

    Map<String, String> of(Incident i, Map<String, String> roles, List<String> also, Instant now) {
        Map<String, String> people = new LinkedHashMap<>();
        for (String role : playbook.policy(i.severity()).invite()) {
            directory.withRole(role, now).forEach(p -> people.putIfAbsent(p.id(), "role:" + role));
        }
        var db = playbook.database();
        boolean database = db.mentionedIn(i.title()) || i.labels().values().stream().anyMatch(db::mentionedIn);
        if (database) {
            db.roles().forEach(role -> directory.withRole(role, now).forEach(p -> people.putIfAbsent(p.id(), "role:" + role)));
        }
        if (!i.declaredBy().equals(People.WARROOM)) {
            people.putIfAbsent(i.declaredBy(), "declarer");
        }
        roles.forEach((role, person) -> people.putIfAbsent(person, "incident:" + role));
        also.stream().map(directory::person).flatMap(java.util.Optional::stream).map(Person::id)
                .forEach(id -> people.putIfAbsent(id, "added"));
        return people;
    }
}
