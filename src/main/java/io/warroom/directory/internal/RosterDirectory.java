package io.warroom.directory.internal;

import io.warroom.chat.Actor;
import io.warroom.chat.Platform;
import io.warroom.directory.Directory;
import io.warroom.directory.IdentityLookup;
import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import io.warroom.directory.Shift;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * The directory: people from the roster file; who is on call from the file's rotations and overrides with
 * the changes made from chat on top (read from the database at each question, so every replica answers
 * the same).
 */
@Service
class RosterDirectory implements Directory {

    private final Roster roster;
    private final ObjectProvider<IdentityLookup> lookups;
    private final BiFunction<Instant, Instant, List<Assignment>> changes;

    /** The roster file alone, with no changes from chat (tests and tools). */
    RosterDirectory(RosterLoader loader, Resource file) {
        this(loader.load(file), null, (from, to) -> List.of());
    }

    @Autowired
    RosterDirectory(RosterLoader loader,
                    @Value("${warroom.directory.roster:classpath:warroom/roster/demo-roster.yaml}") Resource file,
                    ObjectProvider<IdentityLookup> lookups, RosterChangeRepository changes) {
        this(loader.load(file), lookups, changes::overlapping);
    }

    RosterDirectory(Roster roster, ObjectProvider<IdentityLookup> lookups,
                    BiFunction<Instant, Instant, List<Assignment>> changes) {
        this.roster = roster;
        this.lookups = lookups;
        this.changes = changes;
    }

    /** The roster with the changes in effect somewhere in [from, to). */
    EffectiveRoster effective(Instant from, Instant to) {
        return new EffectiveRoster(roster, changes.apply(from, to));
    }

    Roster roster() {
        return roster;
    }

    @Override
    public List<Person> people() {
        return roster.people();
    }

    @Override
    public Optional<Person> person(String id) {
        return roster.people().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Person> resolve(Actor actor) {
        Optional<Person> listed = switch (actor.platform()) {
            case CONSOLE -> person(actor.userId());
            case SLACK -> find(p -> actor.userId().equals(p.slackId()));
            case FEISHU -> find(p -> actor.userId().equals(p.feishuOpenId()));
        };
        if (listed.isPresent() || lookups == null || actor.platform() == Platform.CONSOLE) {
            return listed;
        }
        // Not listed under this platform's id: ask the platform for the user's email (adapters cache it).
        // Only people without an id on that platform match, so an id in the roster stays authoritative.
        return lookups.orderedStream().filter(l -> l.platform() == actor.platform())
                .map(l -> l.email(actor.userId())).flatMap(Optional::stream).findFirst()
                .flatMap(this::byEmail)
                .filter(p -> (actor.platform() == Platform.SLACK ? p.slackId() : p.feishuOpenId()) == null);
    }

    @Override
    public Optional<Person> byEmail(String email) {
        return email == null ? Optional.empty() : find(p -> email.equalsIgnoreCase(p.email()));
    }

    @Override
    public Optional<Person> find(String reference) {
        return PersonReferences.find(roster.people(), reference);
    }

    private Optional<Person> find(java.util.function.Predicate<Person> match) {
        return roster.people().stream().filter(match).findFirst();
    }

    @Override
    public List<Person> withRole(String role, Instant at) {
        if (rotationRoles().contains(role)) {
            return onDuty(at).stream().filter(d -> d.role().equals(role)).map(OnDuty::person).toList();
        }
        return roster.people().stream().filter(p -> p.hasRole(role)).toList();
    }

    @Override
    public List<OnDuty> onDuty(Instant at) {
        EffectiveRoster effective = effective(at, at.plus(EffectiveRoster.HORIZON));
        List<OnDuty> result = new ArrayList<>();
        for (String role : effective.roles()) {
            List<Shift> shifts = effective.shifts(role, at, at.plus(EffectiveRoster.HORIZON), false);
            if (!shifts.isEmpty() && shifts.get(0).covers(at)) {
                Shift now = shifts.get(0);
                result.add(new OnDuty(role, now.person(), now.to(), now.changed()));
            }
        }
        return result;
    }

    @Override
    public List<String> rotationRoles() {
        return roster.rotations().stream().map(Rotation::role).distinct().toList();
    }

    @Override
    public List<Shift> shifts(Instant from, Instant to) {
        return effective(from, to).shifts(from, to);
    }

    @Override
    public ZoneId zone() {
        return roster.zone();
    }
}
