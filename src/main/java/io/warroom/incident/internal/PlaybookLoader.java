package io.warroom.incident.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.warroom.incident.Severity;
import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;

/** Reads and checks the playbook files; a mistake stops start-up naming the file and what to fix. */
class PlaybookLoader {

    private static final String NAME = "[a-z][a-z0-9-]{0,31}";

    private final ObjectMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    Playbook load(List<Resource> files) {
        Map<Severity, Playbook.SeverityPolicy> severities = new EnumMap<>(Severity.class);
        Map<String, Playbook.Checklist> checklists = new LinkedHashMap<>();
        Playbook.DatabaseRule database = null;
        Playbook.AlertRules alerts = null;
        Map<Severity, String> referenced = new EnumMap<>(Severity.class);
        for (Resource file : files) {
            PlaybookFile parsed = read(file);
            if (parsed == null) {
                continue;
            }
            String where = "Playbook " + file.getFilename();
            try {
                if (parsed.checklists() != null) {
                    parsed.checklists().forEach((id, spec) -> {
                        require(id.matches(NAME), "checklist id '" + id + "' must be lowercase letters, digits or '-'");
                        require(checklists.put(id, checklist(id, spec)) == null, "checklist '" + id + "' is defined twice");
                    });
                }
                if (parsed.severities() != null) {
                    parsed.severities().forEach((name, spec) -> {
                        Severity s = Severity.parse(name).orElseThrow(() ->
                                new IllegalArgumentException("unknown severity '" + name + "' (P0, P1, P2, P3)"));
                        require(!severities.containsKey(s), "severity " + s + " is defined twice");
                        severities.put(s, severity(s, spec));
                        if (spec.checklist() != null) {
                            referenced.put(s, spec.checklist());
                        }
                    });
                }
                if (parsed.alerts() != null) {
                    require(alerts == null, "alerts is defined twice");
                    alerts = alertRules(parsed.alerts());
                }
                if (parsed.database() != null) {
                    require(database == null, "database is defined twice");
                    database = new Playbook.DatabaseRule(roles(parsed.database().roles()), list(parsed.database().words()));
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationProblem(where + ": " + e.getMessage());
            }
        }
        referenced.forEach((s, id) -> {
            if (!checklists.containsKey(id)) {
                throw new ConfigurationProblem("Playbook: severity " + s + " names checklist '" + id + "', which does not exist");
            }
        });
        for (Severity s : Severity.values()) {
            severities.putIfAbsent(s, new Playbook.SeverityPolicy(false, List.of(), null));
        }
        return new Playbook(Map.copyOf(severities),
                database == null ? new Playbook.DatabaseRule(List.of(), List.of()) : database, Map.copyOf(checklists),
                alerts == null ? Playbook.AlertRules.NONE : alerts);
    }

    private PlaybookFile read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return yaml.readValue(in, PlaybookFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigurationProblem("Playbook " + file.getFilename() + ":" + e.getLocation().getLineNr()
                    + ": unknown key '" + e.getPropertyName() + "'");
        } catch (IOException e) {
            throw new ConfigurationProblem("Playbook " + file.getFilename() + ": "
                    + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private static Playbook.SeverityPolicy severity(Severity s, PlaybookFile.SeveritySpec spec) {
        return new Playbook.SeverityPolicy(spec.warRoom() != null && spec.warRoom(), roles(spec.invite()), spec.checklist());
    }

    private static Playbook.AlertRules alertRules(PlaybookFile.AlertsSpec spec) {
        Map<String, Severity> declare = new LinkedHashMap<>();
        Severity fallback = Severity.P2;
        if (spec.declare() != null) {
            for (var e : spec.declare().entrySet()) {
                Severity s = severity("alerts.declare." + e.getKey(), e.getValue());
                if (e.getKey().equals("default")) {
                    fallback = s;
                } else {
                    declare.put(e.getKey().toLowerCase(java.util.Locale.ROOT), s);
                }
            }
        }
        List<Playbook.AutoRule> auto = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (var r : spec.auto() == null ? List.<PlaybookFile.AutoSpec>of() : spec.auto()) {
            require(r != null && r.name() != null && r.name().matches(NAME),
                    "alerts.auto: every rule needs a name of lowercase letters, digits or '-'");
            String at = "alerts.auto '" + r.name() + "': ";
            require(names.add(r.name()), at + "defined twice");
            io.warroom.alert.LabelMatcher labels;
            try {
                labels = io.warroom.alert.LabelMatcher.of(r.match(), r.matchRe(), r.present());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage());
            }
            // A rule without labels would declare an incident for every alert that fires.
            require(!labels.isEmpty(), at + "needs match, matchRe or present");
            auto.add(new Playbook.AutoRule(r.name(), labels, severity(at + "severity", r.severity())));
        }
        return new Playbook.AlertRules(Map.copyOf(declare), fallback, List.copyOf(auto));
    }

    private static Severity severity(String where, String value) {
        return Severity.parse(value == null ? "" : value).orElseThrow(() ->
                new IllegalArgumentException(where + ": '" + value + "' is not a severity (P0, P1, P2, P3)"));
    }

    private static Playbook.Checklist checklist(String id, PlaybookFile.ChecklistSpec spec) {
        require(spec != null && spec.stages() != null && !spec.stages().isEmpty(), "checklist '" + id + "' has no stages");
        List<Playbook.Stage> stages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var st : spec.stages()) {
            String at = "checklist '" + id + "', stage '" + st.id() + "': ";
            require(st.id() != null && st.id().matches(NAME), at + "id must be lowercase letters, digits or '-'");
            require(seen.add(st.id()), at + "defined twice");
            Duration budget;
            try {
                budget = DurationStyle.detectAndParse(st.budget() == null ? "" : st.budget());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "budget '" + st.budget() + "' must look like 90s, 5m or 24h");
            }
            require(!budget.isNegative() && !budget.isZero() && budget.compareTo(Duration.ofDays(7)) <= 0,
                    at + "budget must be more than 0 and at most 7 days");
            require(st.startsWhen() == null || st.startsWhen().equals("resolved") || st.startsWhen().equals("previous"),
                    at + "startsWhen must be 'previous' (the default) or 'resolved'");
            List<String> commands = list(st.commands());
            commands.forEach(c -> {
                try {
                    CommandTemplate.validate(c);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + e.getMessage());
                }
            });
            require(st.title() != null && st.title().containsKey("en"), at + "title needs at least 'en'");
            var done = st.completeWhen();
            stages.add(new Playbook.Stage(st.id(), budget, Map.copyOf(st.title()),
                    st.hint() == null ? Map.of() : Map.copyOf(st.hint()), commands, "resolved".equals(st.startsWhen()),
                    done != null && Boolean.TRUE.equals(done.roomOpened()),
                    done == null ? List.of() : list(done.actionExecuted()),
                    done != null && Boolean.TRUE.equals(done.recordDone())));
        }
        return new Playbook.Checklist(id, List.copyOf(stages));
    }

    private static List<String> roles(List<String> roles) {
        List<String> l = list(roles);
        l.forEach(r -> require(r.matches("[a-z][a-z0-9._-]{0,63}"), "role '" + r + "' is not a roster role name"));
        return l;
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
