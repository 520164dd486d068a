package io.warroom.directory.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
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

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private final ZoneId defaultZone;

    RosterLoader(@org.springframework.beans.factory.annotation.Value("${warroom.timezone:UTC}") String defaultZone) {
        this.defaultZone = ZoneId.of(defaultZone);
    }

    Roster load(Resource resource) {
        RosterFile file;
        try (InputStream in = resource.getInputStream()) {
            file = yaml.readValue(in, RosterFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RosterException(resource, "unknown key '" + e.getPropertyName() + "' at line "
                    + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new RosterException(resource, e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        try {
            return validate(file);
        } catch (IllegalArgumentException e) {
            throw new RosterException(resource, e.getMessage());
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
            throw new IllegalArgumentException("unknown timezone '" + f.timezone() + "' (use a name like Asia/Shanghai)");
        }
        Map<String, io.warroom.directory.Person> people = new LinkedHashMap<>();
        Set<String> identities = new HashSet<>();
        for (var p : f.people()) {
            require(p.id() != null && p.id().matches("[a-z0-9][a-z0-9._-]*"), "person id '" + p.id()
                    + "' must be lowercase letters, digits, '.', '_' or '-'");
            require(people.put(p.id(), new io.warroom.directory.Person(p.id(), p.name() == null ? p.id() : p.name(),
                    p.email(), p.phone(), p.slack(), p.feishu(), p.groups(), p.roles())) == null,
                    "person '" + p.id() + "' is listed twice");
            // One platform identity must never resolve to two people, or four-eyes checks could be fooled.
            for (String identity : new String[] {"slack:" + p.slack(), "feishu:" + p.feishu()}) {
                require(identity.endsWith(":null") || identities.add(identity),
                        "identity " + identity + " belongs to two people");
            }
        }
        List<Rotation> rotations = new ArrayList<>();
        for (var r : nonNull(f.rotations())) {
            require(r.role() != null, "a rotation has no role");
            require(r.members() != null && !r.members().isEmpty(), "rotation '" + r.role() + "' has no members");
            r.members().forEach(m -> require(people.containsKey(m), "rotation '" + r.role() + "' names unknown person '" + m + "'"));
            require(r.start() != null, "rotation '" + r.role() + "' has no start");
            require(r.length() != null && !r.length().isNegative() && !r.length().isZero(),
                    "rotation '" + r.role() + "' needs a positive length such as P7D");
            var windows = r.active() == null || r.active().isEmpty()
                    ? List.of(DutyWindow.parse("ALL", java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT))
                    : r.active().stream().map(w -> DutyWindow.parse(w.days(), w.from(), w.to())).toList();
            rotations.add(new Rotation(r.role(), List.copyOf(r.members()), r.start(), r.length(), windows));
        }
        List<Roster.Override> overrides = new ArrayList<>();
        for (var o : nonNull(f.overrides())) {
            require(people.containsKey(o.person()), "override names unknown person '" + o.person() + "'");
            require(rotations.stream().anyMatch(r -> r.role().equals(o.role())),
                    "override for '" + o.role() + "', which no rotation covers");
            require(o.from() != null && o.to() != null && o.from().isBefore(o.to()),
                    "override for '" + o.person() + "' needs from < to");
            overrides.add(new Roster.Override(o.role(), o.person(), o.from(), o.to()));
        }
        return new Roster(zone, List.copyOf(people.values()), rotations, overrides);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A roster problem, phrased for the operator. */
    static class RosterException extends io.warroom.shared.ConfigurationProblem {
        RosterException(Resource resource, String problem) {
            super("Roster " + resource.getDescription() + ": " + problem);
        }
    }
}
