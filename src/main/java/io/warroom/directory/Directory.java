package io.warroom.directory;

import io.warroom.chat.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** People, groups, roles and on-call rotations. */
public interface Directory {

    List<Person> people();

    Optional<Person> person(String id);

    /** The person behind a platform identity; the console's user id is the person id. */
    Optional<Person> resolve(Actor actor);

    /** The person with this email (case-insensitive), for platforms that identify users by email lookup. */
    Optional<Person> byEmail(String email);

    /** People holding a static role (tech-lead, dba, cto) or, for rotation roles, whoever is on duty. */
    List<Person> withRole(String role, Instant at);

    /** Everyone on duty at {@code at}, in rotation order (first responder first). */
    List<OnDuty> onDuty(Instant at);

    /** The roles a rotation covers, in order; static roles are not included. */
    List<String> rotationRoles();
}
