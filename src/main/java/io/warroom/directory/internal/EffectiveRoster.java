package io.warroom.directory.internal;

import io.warroom.directory.Person;
import io.warroom.directory.Shift;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The roster file with the changes made from chat applied, at one moment of reading. For each role at each
 * instant there is exactly one answer: the latest change from chat covering it, else the file's first
 * override covering it, else the first rotation of that role with a member on duty, else nobody.
 *
 * <p>Shifts are computed from the instants where the answer can change (turn ends, window edges, change
 * edges), never by stepping through time, so a week of shifts costs a few hundred lookups.
 */
final class EffectiveRoster {

    /** How far ahead "until" and whole shifts look. */
    static final java.time.Duration HORIZON = java.time.Duration.ofDays(7);

    /** Who holds a role at an instant and why. */
    record Holding(String person, String source, String changeId, String reason) {
    }

    private final Roster roster;
    private final List<Assignment> assignments;
    private final Map<String, Person> people;

    EffectiveRoster(Roster roster, List<Assignment> assignments) {
        this.roster = roster;
        this.assignments = List.copyOf(assignments);
        this.people = roster.people().stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    ZoneId zone() {
        return roster.zone();
    }

    List<String> roles() {
        return roster.rotations().stream().map(Rotation::role).distinct().toList();
    }

    Optional<Holding> holder(String role, Instant t) {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            Assignment a = assignments.get(i);
            if (a.covers(role, t)) {
                return Optional.of(new Holding(a.person(), a.kind(), Long.toString(a.changeId()), a.reason()));
            }
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, roster.zone());
        for (Roster.Override o : roster.overrides()) {
            if (o.covers(role, local)) {
                return Optional.of(new Holding(o.person(), Shift.OVERRIDE, null, null));
            }
        }
        for (Rotation r : roster.rotations()) {
            if (r.role().equals(role)) {
                Optional<String> member = r.memberAt(local);
                if (member.isPresent()) {
                    return Optional.of(new Holding(member.get(), Shift.ROTATION, null, null));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The shifts {@code person} begins on {@code date} (in the roster's zone), whole: a shift runs on while the
     * same person holds the role, however many turns or overrides that spans, up to a week after the day.
     */
    List<Shift> startingOn(String person, LocalDate date) {
        Instant dayStart = date.atStartOfDay(roster.zone()).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(roster.zone()).toInstant();
        // From the day before, so a shift already running at midnight is not mistaken for one starting then.
        Instant from = dayStart.minus(java.time.Duration.ofDays(1));
        Instant to = dayEnd.plus(HORIZON);
        List<Shift> found = new ArrayList<>();
        for (String role : roles()) {
            shifts(role, from, to, true).stream()
                    .filter(s -> s.person().id().equals(person) && !s.from().isBefore(dayStart) && s.from().isBefore(dayEnd))
                    .forEach(found::add);
        }
        return found;
    }

    /** Shifts of every role in [from, to), a new one wherever holder, source or change differ. */
    List<Shift> shifts(Instant from, Instant to) {
        List<Shift> all = new ArrayList<>();
        for (String role : roles()) {
            all.addAll(shifts(role, from, to, false));
        }
        return all;
    }

    /**
     * Shifts of one role in [from, to). With {@code byPersonOnly}, a person's shift runs on across a change of
     * source (rotation, then an override of the same person) — what people call one shift.
     */
    List<Shift> shifts(String role, Instant from, Instant to, boolean byPersonOnly) {
        List<Shift> result = new ArrayList<>();
        if (!from.isBefore(to)) {
            return result;
        }
        List<Instant> edges = new ArrayList<>(edges(role, from, to));
        Holding current = null;
        Instant start = null;
        for (int i = 0; i <= edges.size(); i++) {
            Instant t = i < edges.size() ? edges.get(i) : to;
            Holding h = i < edges.size() ? holder(role, t).orElse(null) : null;
            if (i < edges.size() && same(current, h, byPersonOnly)) {
                continue;
            }
            if (current != null) {
                result.add(shift(role, current, start, t));
            }
            current = h;
            start = t;
        }
        return result;
    }

    private Shift shift(String role, Holding h, Instant from, Instant to) {
        Person p = Objects.requireNonNull(people.get(h.person()), () -> "unknown person " + h.person());
        return new Shift(role, p, from, to, h.source(), h.changeId(), h.reason());
    }

    private static boolean same(Holding a, Holding b, boolean byPersonOnly) {
        if (a == null || b == null) {
            return a == b;
        }
        return byPersonOnly ? a.person().equals(b.person()) : a.equals(b);
    }

    /** Every instant in [from, to) at which the holder of {@code role} might change, and {@code from}. */
    private NavigableSet<Instant> edges(String role, Instant from, Instant to) {
        NavigableSet<Instant> edges = new TreeSet<>();
        edges.add(from);
        for (Assignment a : assignments) {
            if (a.role().equals(role)) {
                add(edges, a.from(), from, to);
                add(edges, a.to(), from, to);
            }
        }
        for (Roster.Override o : roster.overrides()) {
            if (o.role().equals(role)) {
                add(edges, local(o.from()), from, to);
                add(edges, local(o.to()), from, to);
            }
        }
        addTransitions(edges, from, to);
        LocalDateTime first = LocalDateTime.ofInstant(from, roster.zone());
        LocalDateTime last = LocalDateTime.ofInstant(to, roster.zone());
        for (Rotation r : roster.rotations()) {
            if (!r.role().equals(role)) {
                continue;
            }
            for (LocalDateTime turn : r.turnsBetween(first, last)) {
                add(edges, local(turn), from, to);
            }
            for (LocalDate day = first.toLocalDate().minusDays(1); !day.isAfter(last.toLocalDate()); day = day.plusDays(1)) {
                add(edges, local(day.atStartOfDay()), from, to);
                for (DutyWindow w : r.windows()) {
                    add(edges, local(day.atTime(w.from())), from, to);
                    add(edges, local(day.atTime(w.to())), from, to);
                }
            }
        }
        return edges;
    }

    /**
     * The instants a local time happens: once; twice in an autumn overlap; never in a spring gap, where the
     * clock jumps over it and whatever starts then starts at the jump (added with the zone's transitions).
     */
    private List<Instant> local(LocalDateTime t) {
        var rules = roster.zone().getRules();
        return rules.getValidOffsets(t).stream().map(t::toInstant).toList();
    }

    private static void add(NavigableSet<Instant> edges, List<Instant> instants, Instant from, Instant to) {
        instants.forEach(t -> add(edges, t, from, to));
    }

    private static void add(NavigableSet<Instant> edges, Instant t, Instant from, Instant to) {
        if (t.isAfter(from) && t.isBefore(to)) {
            edges.add(t);
        }
    }

    private void addTransitions(NavigableSet<Instant> edges, Instant from, Instant to) {
        var rules = roster.zone().getRules();
        for (var t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
            edges.add(t.getInstant());
        }
    }
}
