package io.warroom.directory.internal;

import io.warroom.directory.OnCallChanged;
import io.warroom.directory.Person;
import io.warroom.directory.RosterChange;
import io.warroom.directory.RosterChangeException;
import io.warroom.directory.RosterChanges;
import io.warroom.directory.Shift;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overrides and swaps from chat. Each change locks the roster (one at a time across replicas), is checked
 * against the effective roster as it is at that moment, stored, and published for the timeline.
 */
@Service
class RosterChangeService implements RosterChanges {

    static final String STREAM = "roster";
    /** Longer than this is a roster file change, not an override. */
    static final Duration MAX_OVERRIDE = Duration.ofDays(31);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RosterDirectory directory;
    private final RosterChangeRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RosterChangeService(RosterDirectory directory, RosterChangeRepository repository, ApplicationEventPublisher events,
                        Clock clock) {
        this.directory = directory;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(noRollbackFor = RosterChangeException.class)
    public RosterChange override(String role, Person person, Instant from, Instant to, String reason, Person by) {
        Instant now = clock.instant();
        if (!directory.rotationRoles().contains(role)) {
            throw new RosterChangeException("directory.change.unknown-role", role, String.join(", ", directory.rotationRoles()));
        }
        if (!from.isBefore(to)) {
            throw new RosterChangeException("directory.change.end-before-start", time(from), time(to));
        }
        if (from.isBefore(now.truncatedTo(ChronoUnit.MINUTES))) {
            throw new RosterChangeException("directory.change.in-the-past", time(from));
        }
        if (Duration.between(from, to).compareTo(MAX_OVERRIDE) > 0) {
            throw new RosterChangeException("directory.change.too-long", MAX_OVERRIDE.toDays());
        }
        repository.lock();
        for (Assignment a : repository.overlapping(from, to)) {
            if (a.role().equals(role)) {
                throw new RosterChangeException("directory.change.overlap", a.changeId(), name(a.person()),
                        time(a.from()), time(a.to()));
            }
        }
        List<Shift> taken = directory.effective(from, to).shifts(role, from, to, false).stream()
                .filter(s -> !s.person().id().equals(person.id())).toList();
        long id = repository.insertChange("OVERRIDE", blankToNull(reason), by.id(), now);
        repository.insertAssignment(id, role, person.id(), from, to);
        var given = List.of(new Shift(role, person, from, to, Shift.OVERRIDE, Long.toString(id), blankToNull(reason)));
        events.publishEvent(new OnCallChanged(STREAM, now, by.id(), "override", Long.toString(id), describe(given), reason));
        return new RosterChange(Long.toString(id), RosterChange.Kind.OVERRIDE, blankToNull(reason), by.id(), now, given, taken);
    }

    @Override
    @Transactional(noRollbackFor = RosterChangeException.class)
    public RosterChange swap(Person a, LocalDate aDate, Person b, LocalDate bDate, Person by) {
        if (a.id().equals(b.id())) {
            throw new RosterChangeException("directory.swap.self", a.name());
        }
        Instant now = clock.instant();
        repository.lock();
        List<Shift> mine = startingOn(a, aDate, now);
        List<Shift> theirs = startingOn(b, bDate, now);
        long id = repository.insertChange("SWAP", null, by.id(), now);
        String changeId = Long.toString(id);
        List<Shift> given = new ArrayList<>();
        for (Shift s : mine) {
            repository.insertAssignment(id, s.role(), b.id(), s.from(), s.to());
            given.add(new Shift(s.role(), b, s.from(), s.to(), Shift.SWAP, changeId, null));
        }
        for (Shift s : theirs) {
            repository.insertAssignment(id, s.role(), a.id(), s.from(), s.to());
            given.add(new Shift(s.role(), a, s.from(), s.to(), Shift.SWAP, changeId, null));
        }
        List<Shift> taken = new ArrayList<>(mine);
        taken.addAll(theirs);
        events.publishEvent(new OnCallChanged(STREAM, now, by.id(), "swap", changeId, describe(given), null));
        return new RosterChange(changeId, RosterChange.Kind.SWAP, null, by.id(), now, given, taken);
    }

    /** The shifts {@code p} starts on {@code date}; none, or one already begun, is refused. */
    private List<Shift> startingOn(Person p, LocalDate date, Instant now) {
        Instant dayStart = date.atStartOfDay(directory.zone()).toInstant();
        List<Shift> found = directory.effective(dayStart.minus(Duration.ofDays(1)),
                dayStart.plus(Duration.ofDays(1)).plus(EffectiveRoster.HORIZON)).startingOn(p.id(), date);
        if (found.isEmpty()) {
            throw new RosterChangeException("directory.swap.no-shift", p.name(), date.toString());
        }
        for (Shift s : found) {
            if (s.from().isBefore(now)) {
                throw new RosterChangeException("directory.swap.started", p.name(), s.role(), time(s.from()));
            }
        }
        return found;
    }

    @Override
    @Transactional(noRollbackFor = RosterChangeException.class)
    public RosterChange cancel(String id, Person by) {
        long changeId = parse(id);
        Instant now = clock.instant();
        repository.lock();
        var change = repository.change(changeId).orElseThrow(() -> new RosterChangeException("directory.cancel.unknown", id));
        if (change.cancelledAt() != null) {
            throw new RosterChangeException("directory.cancel.already", id);
        }
        List<Assignment> future = repository.assignments(changeId).stream().filter(a -> a.to().isAfter(now)).toList();
        if (future.isEmpty()) {
            throw new RosterChangeException("directory.cancel.over", id);
        }
        repository.cancel(changeId, by.id(), now);
        List<Shift> taken = new ArrayList<>();
        List<Shift> given = new ArrayList<>();
        for (Assignment a : future) {
            Instant from = a.from().isBefore(now) ? now : a.from();
            taken.add(new Shift(a.role(), person(a.person()), from, a.to(), a.kind(), id, a.reason()));
            directory.effective(from, a.to()).shifts(a.role(), from, a.to(), false).stream()
                    .filter(s -> !s.person().id().equals(a.person())).forEach(given::add);
        }
        events.publishEvent(new OnCallChanged(STREAM, now, by.id(), "cancel", id, describe(taken), change.reason()));
        return new RosterChange(id, RosterChange.Kind.CANCEL, change.reason(), by.id(), now, given, taken);
    }

    @Override
    public List<RosterChange> upcoming() {
        Instant now = clock.instant();
        List<RosterChange> result = new ArrayList<>();
        for (var row : repository.upcoming(now)) {
            String id = Long.toString(row.id());
            List<Shift> given = repository.assignments(row.id()).stream().filter(a -> a.to().isAfter(now))
                    .map(a -> new Shift(a.role(), person(a.person()), a.from(), a.to(), a.kind(), id, a.reason())).toList();
            result.add(new RosterChange(id, RosterChange.Kind.valueOf(row.kind().toUpperCase(java.util.Locale.ROOT)),
                    row.reason(), row.createdBy(), row.createdAt(), given, List.of()));
        }
        return result;
    }

    private static long parse(String id) {
        String digits = id == null ? "" : id.strip().replaceFirst("^#", "");
        if (!digits.matches("\\d{1,18}")) {
            throw new RosterChangeException("directory.cancel.unknown", String.valueOf(id));
        }
        return Long.parseLong(digits);
    }

    private Person person(String id) {
        return directory.person(id).orElseThrow(() -> new IllegalStateException("roster change names unknown person " + id));
    }

    private String name(String id) {
        return directory.person(id).map(Person::name).orElse(id);
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(directory.zone()));
    }

    /** {@code oncall-primary wang.wu 2026-01-06 09:00 → 2026-01-06 18:00; ...} for the timeline. */
    private String describe(List<Shift> shifts) {
        List<String> parts = new ArrayList<>();
        for (Shift s : shifts) {
            parts.add(s.role() + " " + s.person().id() + " " + time(s.from()) + " → " + time(s.to()));
        }
        return String.join("; ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
