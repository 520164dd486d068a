package io.warroom.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import io.warroom.directory.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the rotations (several per role, windows across weekends and midnight, time zones with summer
 * time), file overrides and changes from chat: every role has exactly one holder or none at every instant,
 * the shifts say the same, and a swap exchanges exactly the two people's shifts and nothing else.
 */
class EffectiveRosterPropertiesTest {

    static final List<String> PEOPLE = List.of("p0", "p1", "p2", "p3", "p4");
    static final List<String> ROLES = List.of("primary", "secondary");
    static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** A generated roster, the changes from chat on top, and the three weeks looked at. */
    record Case(Roster roster, List<Assignment> changes, Instant from, Instant to, long seed) {
        EffectiveRoster effective() {
            return new EffectiveRoster(roster, changes);
        }
    }

    @Property(tries = 300)
    void everyRoleHasOneHolderOrNoneAndTheShiftsAgree(@ForAll("cases") Case c) {
        EffectiveRoster roster = c.effective();
        List<Shift> shifts = roster.shifts(c.from(), c.to());
        for (String role : roster.roles()) {
            List<Shift> mine = shifts.stream().filter(s -> s.role().equals(role)).toList();
            for (int i = 1; i < mine.size(); i++) {
                Shift before = mine.get(i - 1);
                Shift after = mine.get(i);
                assertThat(before.to()).as("shifts of %s in order, never overlapping", role).isBeforeOrEqualTo(after.from());
                if (before.to().equals(after.from())) {
                    assertThat(before.person().id() + before.source() + before.changeId())
                            .as("adjacent shifts differ").isNotEqualTo(after.person().id() + after.source() + after.changeId());
                }
            }
        }
        Random random = new Random(c.seed());
        long span = Duration.between(c.from(), c.to()).toSeconds();
        for (int i = 0; i < 300; i++) {
            Instant t = c.from().plusSeconds((long) (random.nextDouble() * span));
            for (String role : roster.roles()) {
                List<Shift> covering = shifts.stream().filter(s -> s.role().equals(role) && s.covers(t)).toList();
                assertThat(covering).as("%s at %s", role, t).hasSizeLessThanOrEqualTo(1);
                assertThat(roster.holder(role, t).map(EffectiveRoster.Holding::person))
                        .as("holder of %s at %s", role, t)
                        .isEqualTo(covering.stream().findFirst().map(s -> s.person().id()));
            }
        }
    }

    @Property(tries = 150)
    void onDutyListsEachRoleOnceWithItsHolder(@ForAll("cases") Case c) {
        var directory = new RosterDirectory(c.roster(), null, (from, to) -> c.changes());
        Random random = new Random(c.seed());
        for (int i = 0; i < 40; i++) {
            Instant t = c.from().plus(Duration.ofMinutes(random.nextInt(21 * 24 * 60)));
            List<OnDuty> duty = directory.onDuty(t);
            assertThat(new HashSet<>(duty.stream().map(OnDuty::role).toList())).hasSameSizeAs(duty);
            for (OnDuty d : duty) {
                assertThat(c.effective().holder(d.role(), t).map(EffectiveRoster.Holding::person)).hasValue(d.person().id());
                assertThat(d.until()).isAfter(t);
                assertThat(c.effective().holder(d.role(), d.until().minusMillis(1)).map(EffectiveRoster.Holding::person))
                        .as("still theirs just before 'until'").hasValue(d.person().id());
            }
        }
    }

    @Property(tries = 300)
    void aSwapExchangesTheTwoPeoplesShiftsAndNothingElse(@ForAll("cases") Case c) {
        EffectiveRoster before = c.effective();
        // Two people with a shift each (whole shifts, as a swap takes them), picked by the case's seed.
        List<Shift> whole = new ArrayList<>();
        before.roles().forEach(r -> whole.addAll(before.shifts(r, c.from(), c.to(), true)));
        Random pick = new Random(c.seed());
        Assume.that(!whole.isEmpty());
        Shift one = whole.get(pick.nextInt(whole.size()));
        List<Shift> others = whole.stream().filter(s -> !s.person().id().equals(one.person().id())).toList();
        Assume.that(!others.isEmpty());
        Shift other = others.get(pick.nextInt(others.size()));
        String a = one.person().id();
        String b = other.person().id();
        List<Shift> mine = before.startingOn(a, LocalDateTime.ofInstant(one.from(), c.roster().zone()).toLocalDate());
        List<Shift> theirs = before.startingOn(b, LocalDateTime.ofInstant(other.from(), c.roster().zone()).toLocalDate());
        // A shift cut by the start of the window may really begin earlier; then nothing starts that day.
        Assume.that(!mine.isEmpty() && !theirs.isEmpty());
        long id = c.changes().size() + 100;
        List<Assignment> swapped = new ArrayList<>(c.changes());
        mine.forEach(s -> swapped.add(new Assignment(id, Shift.SWAP, s.role(), b, s.from(), s.to(), null)));
        theirs.forEach(s -> swapped.add(new Assignment(id, Shift.SWAP, s.role(), a, s.from(), s.to(), null)));
        EffectiveRoster after = new EffectiveRoster(c.roster(), swapped);

        for (Shift s : mine) {
            assertThat(s.person().id()).isEqualTo(a);
        }
        Random random = new Random(c.seed());
        long span = Duration.between(c.from(), c.to().plus(Duration.ofDays(8))).toSeconds();
        for (int i = 0; i < 300; i++) {
            Instant t = c.from().plusSeconds((long) (random.nextDouble() * span));
            for (String role : before.roles()) {
                Optional<String> expected = covers(mine, role, t) ? Optional.of(b)
                        : covers(theirs, role, t) ? Optional.of(a)
                        : before.holder(role, t).map(EffectiveRoster.Holding::person);
                assertThat(after.holder(role, t).map(EffectiveRoster.Holding::person)).as("%s at %s", role, t).isEqualTo(expected);
            }
        }
    }

    private static boolean covers(List<Shift> shifts, String role, Instant t) {
        return shifts.stream().anyMatch(s -> s.role().equals(role) && s.covers(t));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"),
                ZoneId.of("America/New_York"));
        return Combinators.combine(zones, rotation().list().ofMinSize(1).ofMaxSize(3),
                        fileOverride().list().ofMaxSize(2), Arbitraries.integers().between(0, 110),
                        Arbitraries.longs(), Arbitraries.integers().between(0, 5))
                .as((zone, rotations, overrides, startDay, seed, changes) -> {
                    Instant from = BASE.plusDays(startDay).plusHours(seed & 7).atZone(zone).toInstant();
                    Instant to = from.plus(Duration.ofDays(21));
                    Random random = new Random(seed);
                    List<Assignment> fromChat = new ArrayList<>();
                    for (int i = 0; i < changes; i++) {
                        Instant start = from.plus(Duration.ofMinutes(30L * random.nextInt(21 * 48)));
                        fromChat.add(new Assignment(i + 1, random.nextBoolean() ? Shift.OVERRIDE : Shift.SWAP,
                                ROLES.get(random.nextInt(ROLES.size())), PEOPLE.get(random.nextInt(PEOPLE.size())), start,
                                start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(144)))), null));
                    }
                    List<Person> people = PEOPLE.stream().map(id -> new Person(id, id, null, null, null, null, null, null)).toList();
                    return new Case(new Roster(zone, people, rotations, overrides), fromChat, from, to, seed);
                });
    }

    private Arbitrary<Rotation> rotation() {
        Arbitrary<Duration> lengths = Arbitraries.of(Duration.ofHours(8), Duration.ofHours(12), Duration.ofDays(1),
                Duration.ofHours(36), Duration.ofDays(7));
        return Combinators.combine(Arbitraries.of(ROLES), Arbitraries.of(PEOPLE).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.integers().between(0, 24 * 30), lengths, window().list().ofMaxSize(3))
                .as((role, members, startHalfHours, length, windows) -> new Rotation(role, members,
                        BASE.plusMinutes(30L * startHalfHours), length,
                        windows.isEmpty() ? List.of(DutyWindow.parse("ALL", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)) : windows));
    }

    private Arbitrary<DutyWindow> window() {
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 47).map(h -> LocalTime.of(h / 2, h % 2 * 30));
        return Combinators.combine(Arbitraries.of("MON-FRI", "SAT-SUN", "SAT,SUN", "ALL", "FRI-MON", "WED", "SUN"), times, times)
                .as(DutyWindow::parse);
    }

    private Arbitrary<Roster.Override> fileOverride() {
        return Combinators.combine(Arbitraries.of(ROLES), Arbitraries.of(PEOPLE), Arbitraries.integers().between(0, 24 * 140),
                        Arbitraries.integers().between(1, 72))
                .as((role, person, startHalfHours, hours) -> {
                    LocalDateTime from = BASE.plusMinutes(30L * startHalfHours);
                    return new Roster.Override(role, person, from, from.plusHours(hours));
                });
    }
}
