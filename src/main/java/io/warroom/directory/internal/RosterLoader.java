package io.warroom.directory.internal;

import io.warroom.shared.Durations;
import io.warroom.shared.YamlFiles;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Reads and validates the roster file; every mistake is reported with what to fix, not a stack trace. */
@Component
class RosterLoader {

    private final ZoneId defaultZone;

    RosterLoader(@org.springframework.beans.factory.annotation.Value("${warroom.timezone:UTC}") String defaultZone) {
        this.defaultZone = ZoneId.of(defaultZone);
    }

    Roster load(Resource resource) {
        var parsed = YamlFiles.parse(resource, RosterFile.class, "Roster");
        try {
            return validate(parsed.value());
        } catch (Misplaced e) {
            throw new RosterException(parsed.where(e.path()), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new RosterException(parsed.file(), e.getMessage());
        }
    }

    /** A mistake in one entry of the file, so the problem names its line ({@code /rotations/1}). */
    private static final class Misplaced extends IllegalArgumentException {
        private final String path;

        Misplaced(String path, String message) {
            super(message);
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    private Roster validate(RosterFile f) {
        if (f == null) {
            throw new IllegalArgumentException("the roster is empty");
        }
        if (f == null || f.people() == null || f.people().isEmpty()) {
            throw new IllegalArgumentException("the roster lists no people");
        }
        ZoneId zone;
        try {
            zone = f.timezone() == null ? defaultZone : ZoneId.of(f.timezone());
        } catch (java.time.DateTimeException e) {
            throw new Misplaced("/timezone", "unknown timezone '" + f.timezone() + "' (use a name like Asia/Shanghai)");
        }
        Map<String, io.warroom.directory.Person> people = new LinkedHashMap<>();
        Set<String> identities = new HashSet<>();
        for (int i = 0; i < f.people().size(); i++) {
            var p = f.people().get(i);
            if (p == null) {
                throw new Misplaced("/people/" + i, "an empty entry");
            }
            String at = "/people/" + i;
            requireAt(at, p.id() != null && p.id().matches("[a-z0-9][a-z0-9._-]*"), "person id '" + p.id()
                    + "' must be lowercase letters, digits, '.', '_' or '-'");
            requireAt(at, people.put(p.id(), new io.warroom.directory.Person(p.id(), p.name() == null ? p.id() : p.name(),
                    p.email(), p.phone(), p.slack(), p.feishu(), p.groups(), p.roles())) == null,
                    "person '" + p.id() + "' is listed twice");
            // One platform identity must never resolve to two people, or four-eyes checks could be fooled.
            for (String identity : new String[] {"slack:" + p.slack(), "feishu:" + p.feishu()}) {
                requireAt(at, identity.endsWith(":null") || identities.add(identity),
                        "identity " + identity + " belongs to two people");
            }
        }
        List<Rotation> rotations = new ArrayList<>();
        var rotationSpecs = nonNull(f.rotations());
        for (int i = 0; i < rotationSpecs.size(); i++) {
            var r = rotationSpecs.get(i);
            String at = "/rotations/" + i;
            requireAt(at, r != null, "an empty entry");
            requireAt(at, r.role() != null, "a rotation has no role");
            requireAt(at, r.members() != null && !r.members().isEmpty(), "rotation '" + r.role() + "' has no members");
            r.members().forEach(m -> requireAt(at, people.containsKey(m), "rotation '" + r.role() + "' names unknown person '" + m + "'"));
            requireAt(at, r.start() != null, "rotation '" + r.role() + "' has no start");
            Duration length = r.length() == null ? null : Durations.parse(r.length()).orElse(null);
            requireAt(at + "/length", length != null && !length.isNegative() && !length.isZero(),
                    "rotation '" + r.role() + "' needs a positive length such as 7d, 12h or P7D");
            List<DutyWindow> windows;
            try {
                windows = r.active() == null || r.active().isEmpty()
                        ? List.of(DutyWindow.parse("ALL", java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT))
                        : r.active().stream().map(w -> DutyWindow.parse(w.days(), w.from(), w.to())).toList();
            } catch (Misplaced e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new Misplaced(at + "/active", e.getMessage());
            }
            rotations.add(new Rotation(r.role(), List.copyOf(r.members()), r.start(), length, windows));
        }
        List<Roster.Override> overrides = new ArrayList<>();
        var overrideSpecs = nonNull(f.overrides());
        for (int i = 0; i < overrideSpecs.size(); i++) {
            var o = overrideSpecs.get(i);
            String at = "/overrides/" + i;
            requireAt(at, o != null, "an empty entry");
            requireAt(at, people.containsKey(o.person()), "override names unknown person '" + o.person() + "'");
            requireAt(at, rotations.stream().anyMatch(r -> r.role().equals(o.role())),
                    "override for '" + o.role() + "', which no rotation covers");
            requireAt(at, o.from() != null && o.to() != null && o.from().isBefore(o.to()),
                    "override for '" + o.person() + "' needs from < to");
            overrides.add(new Roster.Override(o.role(), o.person(), o.from(), o.to()));
        }
        return new Roster(zone, List.copyOf(people.values()), rotations, overrides);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void requireAt(String path, boolean ok, String message) {
        if (!ok) {
            throw new Misplaced(path, message);
        }
    }

    /** A roster problem, phrased for the operator: {@code Roster roster.yaml:12: ...}. */
    static class RosterException extends io.warroom.shared.ConfigurationProblem {
        RosterException(String where, String problem) {
            super("Roster " + where + ": " + problem);
        }
    }
}
