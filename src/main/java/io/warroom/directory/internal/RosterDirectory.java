package io.warroom.directory.internal;

import io.warroom.chat.Actor;
import io.warroom.directory.Directory;
import io.warroom.directory.IdentityLookup;
import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/** The directory as the roster file describes it. */
@Service
class RosterDirectory implements Directory {

    private final Roster roster;
    private final ObjectProvider<IdentityLookup> lookups;

    RosterDirectory(RosterLoader loader, Resource file) {
        this(loader, file, null);
    }

    @Autowired
    RosterDirectory(RosterLoader loader,
                    @Value("${warroom.directory.roster:classpath:warroom/roster/demo-roster.yaml}") Resource file,
                    ObjectProvider<IdentityLookup> lookups) {
        this.roster = loader.load(file);
        this.lookups = lookups;
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
        if (listed.isPresent() || lookups == null || actor.platform() == io.warroom.chat.Platform.CONSOLE) {
            return listed;
        }
        // Not listed under this platform's id: ask the platform for the user's email (adapters cache it).
        // Only people without an id on that platform match, so an id in the roster stays authoritative.
        return lookups.orderedStream().filter(l -> l.platform() == actor.platform())
                .map(l -> l.email(actor.userId())).flatMap(Optional::stream).findFirst()
                .flatMap(this::byEmail)
                .filter(p -> (actor.platform() == io.warroom.chat.Platform.SLACK ? p.slackId() : p.feishuOpenId()) == null);
    }

    @Override
    public Optional<Person> byEmail(String email) {
        return email == null ? Optional.empty() : find(p -> email.equalsIgnoreCase(p.email()));
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
        LocalDateTime local = LocalDateTime.ofInstant(at, roster.zone());
        List<OnDuty> result = new ArrayList<>();
        for (Rotation r : roster.rotations()) {
            var override = roster.overrides().stream().filter(o -> o.covers(r.role(), local)).findFirst();
            if (override.isPresent()) {
                result.add(new OnDuty(r.role(), person(override.get().person()).orElseThrow(),
                        override.get().to().atZone(roster.zone()).toInstant(), true));
                continue;
            }
            r.memberAt(local).flatMap(this::person).ifPresent(p -> {
                LocalDateTime until = min(r.turnEndsAfter(local), r.dutyEndsAfter(local));
                result.add(new OnDuty(r.role(), p, until.atZone(roster.zone()).toInstant(), false));
            });
        }
        return result;
    }

    @Override
    public List<String> rotationRoles() {
        return roster.rotations().stream().map(Rotation::role).distinct().toList();
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return Objects.requireNonNull(a).isBefore(b) ? a : b;
    }
}
