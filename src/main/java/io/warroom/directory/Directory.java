package io.warroom.directory;

import io.warroom.chat.Actor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * People, groups, roles and on-call rotations. Everything about who is on call answers from the
 * <b>effective</b> roster: the roster file with the overrides and swaps made from chat applied.
 */
public interface Directory {

    List<Person> people();

    Optional<Person> person(String id);

    /** The person behind a platform identity; the console's user id is the person id. */
    Optional<Person> resolve(Actor actor);

    /** The person with this email (case-insensitive), for platforms that identify users by email lookup. */
    Optional<Person> byEmail(String email);

    /**
     * The person a chat user means by {@code reference}: {@code @li.si} or {@code li.si} (person id), a Slack
     * mention {@code <@U0LISI>}, an email, a Feishu open_id, or a name or one word of it ({@code @李四}) when
     * only one person has it.
     */
    Optional<Person> find(String reference);

    /** People holding a static role (tech-lead, dba, cto) or, for rotation roles, whoever is on duty. */
    List<Person> withRole(String role, Instant at);

    /** Everyone on duty at {@code at}, in rotation order (first responder first); at most one per role. */
    List<OnDuty> onDuty(Instant at);

    /** The roles a rotation covers, in order; static roles are not included. */
    List<String> rotationRoles();

    /**
     * Who holds each rotation role between {@code from} and {@code to}: per role (in rotation order), the
     * shifts in time order, cut to that interval. A new shift starts wherever the holder or the reason
     * (rotation, override, swap) changes; gaps are hours nobody is on duty.
     */
    List<Shift> shifts(Instant from, Instant to);

    /** The roster's time zone: duty windows, handovers and schedules are in this zone. */
    ZoneId zone();
}
