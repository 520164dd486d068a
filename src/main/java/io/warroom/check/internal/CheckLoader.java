package io.warroom.check.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionSpec;
import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;

/**
 * Reads check files and validates every list, check and reminder; the first mistake stops start-up with
 * the file, the id and what to fix. Executors and operations are checked here; targets (namespaces,
 * services) are the executors' to check when a check runs, and a wrong one fails that check by name.
 */
class CheckLoader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .findAndAddModules()
            .build();
    private final ActionExecutors executors;
    private final ZoneId zone;
    private final Map<String, String> scheduleOverrides;

    CheckLoader(ActionExecutors executors, ZoneId zone, Map<String, String> scheduleOverrides) {
        this.executors = executors;
        this.zone = zone;
        this.scheduleOverrides = scheduleOverrides;
    }

    CheckCatalog load(List<Resource> files) {
        List<CheckList> lists = new ArrayList<>();
        List<Reminder> reminders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Resource file : files) {
            CheckFile parsed = read(file);
            if (parsed == null) {
                continue;
            }
            for (var spec : nonNull(parsed.lists())) {
                try {
                    CheckList list = list(spec);
                    require(ids.add("list:" + list.id()), "another list has this id");
                    lists.add(list);
                } catch (IllegalArgumentException e) {
                    throw problem(file, spec.id(), e.getMessage());
                }
            }
            for (var spec : nonNull(parsed.reminders())) {
                try {
                    Reminder r = reminder(spec);
                    require(ids.add("reminder:" + r.id()), "another reminder has this id");
                    reminders.add(r);
                } catch (IllegalArgumentException e) {
                    throw problem(file, spec.id(), e.getMessage());
                }
            }
        }
        for (String overridden : scheduleOverrides.keySet()) {
            if (lists.stream().noneMatch(l -> l.id().equals(overridden))) {
                throw new ConfigurationProblem("warroom.checks.schedules." + overridden + ": no check list has that id");
            }
        }
        return new CheckCatalog(lists, reminders);
    }

    private CheckFile read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return yaml.readValue(in, CheckFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigurationProblem("Checks " + file.getFilename() + ":" + e.getLocation().getLineNr()
                    + ": unknown key '" + e.getPropertyName() + "'");
        } catch (IOException e) {
            throw new ConfigurationProblem("Checks " + file.getFilename() + ": "
                    + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private CheckList list(CheckFile.ListSpec s) {
        require(s.id() != null && ID.matcher(s.id()).matches(), "id must be lowercase letters, digits and '-'");
        Names names = Names.of(s.name(), "the list");
        String schedule = scheduleOverrides.getOrDefault(s.id(), s.schedule());
        Recurrence recurrence = schedule == null || schedule.isBlank() || schedule.strip().equals("off") ? null
                : Recurrence.cron(schedule, zone);
        String onFailure = s.onFailure() == null ? "mention" : s.onFailure();
        require(CheckList.ON_FAILURE.contains(onFailure), "on-failure must be one of " + CheckList.ON_FAILURE);
        require(s.checks() != null && !s.checks().isEmpty(), "the list has no checks");
        List<Check> checks = new ArrayList<>();
        Set<String> checkIds = new HashSet<>();
        for (var c : s.checks()) {
            try {
                Check check = check(c);
                require(checkIds.add(check.id()), "the id is used twice in this list");
                checks.add(check);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("check " + c.id() + ": " + e.getMessage());
            }
        }
        return new CheckList(s.id(), names, recurrence, onFailure, checks);
    }

    private Check check(CheckFile.CheckSpec c) {
        require(c.id() != null && ID.matcher(c.id()).matches(), "id must be lowercase letters, digits and '-'");
        Names names = Names.of(c.name(), "the check");
        int kinds = (c.pods() != null ? 1 : 0) + (c.http() != null ? 1 : 0) + (c.prometheus() != null ? 1 : 0)
                + (c.cronjob() != null ? 1 : 0);
        require(kinds == 1, "give exactly one of pods, http, prometheus, cronjob");
        ActionSpec action;
        Judge judge;
        if (c.pods() != null) {
            var p = c.pods();
            require(p.namespace() != null, "pods needs a namespace");
            int max = p.maxRestarts() == null ? 5 : p.maxRestarts();
            require(max >= 0, "max-restarts must not be negative");
            action = new ActionSpec("kubernetes", "pods", null, p.namespace(), p.deployment(), Map.of());
            judge = new PodsJudge(max);
        } else if (c.http() != null) {
            var h = c.http();
            require(h.service() != null, "http needs a service (one of warroom.http.services)");
            String path = h.path() == null ? "/health" : h.path();
            action = new ActionSpec("http", "probe", null, null, h.service(), Map.of("path", path));
            judge = new HttpJudge(h.maxLatency() == null ? null : duration(h.maxLatency(), "max-latency"));
        } else if (c.prometheus() != null) {
            var q = c.prometheus();
            require(q.query() != null && !q.query().isBlank(), "prometheus needs a query");
            require(q.below() != null || q.above() != null, "prometheus needs a threshold: below and/or above");
            require(q.unit() == null || List.of("percent", "seconds", "number").contains(q.unit()),
                    "unit must be percent, seconds or number");
            require(q.noData() == null || List.of("ok", "fail").contains(q.noData()), "no-data must be ok or fail");
            action = new ActionSpec("http", "prometheus", null, null, null, Map.of("query." + PrometheusJudge.LABEL, q.query()));
            judge = new PrometheusJudge(q.below(), q.above(), q.unit(), "ok".equals(q.noData()));
        } else {
            var b = c.cronjob();
            require(b.namespace() != null, "cronjob needs a namespace");
            action = new ActionSpec("kubernetes", "cronjobs", null, b.namespace(), b.name(), Map.of());
            judge = new BackupJudge(b.within() == null ? Duration.ofHours(24) : duration(b.within(), "within"));
        }
        var executor = executors.find(action.executor())
                .orElseThrow(() -> new IllegalArgumentException("no executor '" + action.executor() + "' is configured"));
        require(executor.operations().contains(action.operation()),
                "executor " + action.executor() + " has no operation " + action.operation());
        return new Check(c.id(), names, c.runbook(), action, judge);
    }

    private Reminder reminder(CheckFile.ReminderSpec s) {
        require(s.id() != null && ID.matcher(s.id()).matches(), "id must be lowercase letters, digits and '-'");
        Names names = Names.of(s.name(), "the reminder");
        Names details = s.details() == null ? null : Names.of(s.details(), "details");
        require((s.schedule() == null) != (s.every() == null), "give either schedule (cron) or every + start");
        Recurrence recurrence = s.schedule() != null ? Recurrence.cron(s.schedule(), zone)
                : Recurrence.every(duration(s.every(), "every"), s.start(), zone);
        var who = s.who() == null ? new Reminder.Who(null, null, null)
                : new Reminder.Who(s.who().people(), s.who().groups(), s.who().roles());
        return new Reminder(s.id(), names, details, recurrence, who, s.runbook());
    }

    private static Duration duration(String text, String what) {
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a duration like 24h, 500ms or P90D");
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static ConfigurationProblem problem(Resource file, String id, String message) {
        return new ConfigurationProblem("Checks " + file.getFilename() + " (" + id + "): " + message);
    }
}
