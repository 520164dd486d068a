package io.warroom.handoff.internal;

import io.warroom.directory.Directory;
import io.warroom.directory.Shift;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Handovers from the effective roster. "The on-call engineer" at any moment is the holder of the first
 * front-line role (in rotation order, {@code warroom.handoff.roles}) that has one; a handover is where
 * that person changes. With the demo roster: weekdays 09:00 (secondary to primary) and 18:00 (primary
 * to secondary), the weekend's start and end, and the edges of every override and swap.
 */
@Component
class Handovers {

    /** How far back a shift's start is looked for. */
    static final Duration LOOKBACK = Duration.ofHours(36);

    private final Directory directory;
    private final HandoffProperties properties;

    Handovers(Directory directory, HandoffProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    List<String> roles() {
        return properties.roles().isEmpty() ? directory.rotationRoles()
                : directory.rotationRoles().stream().filter(properties.roles()::contains).toList();
    }

    /** Handovers in (from, to]. */
    List<Handover> between(Instant from, Instant to) {
        List<String> roles = roles();
        List<Shift> shifts = directory.shifts(from.minusSeconds(1), to.plusSeconds(1)).stream().filter(s -> roles.contains(s.role())).toList();
        TreeSet<Instant> edges = new TreeSet<>();
        shifts.forEach(s -> {
            edges.add(s.from());
            edges.add(s.to());
        });
        List<Handover> result = new ArrayList<>();
        for (Instant t : edges) {
            if (!t.isAfter(from) || t.isAfter(to)) {
                continue;
            }
            Optional<Shift> before = frontLine(shifts, roles, t.minusMillis(1));
            Optional<Shift> after = frontLine(shifts, roles, t);
            if (before.isPresent() && after.isPresent() && !before.get().person().id().equals(after.get().person().id())) {
                result.add(new Handover(t, before.get().person(), before.get().role(), after.get().person(), after.get().role()));
            }
        }
        return result;
    }

    Optional<Handover> next(Instant after, Duration within) {
        return between(after, after.plus(within)).stream().findFirst();
    }

    /** The handover at exactly {@code at} between these two people, if the roster still has it. */
    Optional<Handover> find(Instant at, String outgoing, String incoming) {
        return between(at.minusMillis(1), at).stream()
                .filter(h -> h.outgoing().id().equals(outgoing) && h.incoming().id().equals(incoming)).findFirst();
    }

    /** When the outgoing engineer's stretch on the front line began: the handover to them, or a day and a half back. */
    Instant shiftStart(Handover h) {
        Instant earliest = h.at().minus(LOOKBACK);
        return between(earliest, h.at().minusMillis(1)).stream().filter(x -> x.incoming().id().equals(h.outgoing().id()))
                .map(Handover::at).reduce((a, b) -> b).orElse(earliest);
    }

    /** When the incoming engineer hands over in turn: the end of the next shift (within the horizon). */
    Instant nextShiftEnd(Handover h) {
        return next(h.at(), properties.horizon()).map(Handover::at).orElse(h.at().plus(Duration.ofHours(12)));
    }

    private static Optional<Shift> frontLine(List<Shift> shifts, List<String> roles, Instant t) {
        for (String role : roles) {
            for (Shift s : shifts) {
                if (s.role().equals(role) && s.covers(t)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
