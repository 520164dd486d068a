package io.warroom.check.internal;

import io.warroom.action.ActionResult;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each CronJob (one, or every one in the namespace) succeeded within {@code within}, its latest Job did
 * not fail, and it is not suspended: the runbooks' "backups succeeded in the last 24 h".
 */
record BackupJudge(Duration within) implements Judge {

    @Override
    public Verdict judge(ActionResult result, Instant now) {
        Map<String, String> f = result.facts();
        List<String> names = f.keySet().stream().filter(k -> k.startsWith("cronjob.") && k.endsWith(".last-success"))
                .map(k -> k.substring("cronjob.".length(), k.length() - ".last-success".length())).sorted().toList();
        if (names.isEmpty()) {
            return Verdict.fail("check.backup.none");
        }
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (String name : names) {
            String key = "cronjob." + name + ".";
            Instant last = parse(f.get(key + "last-success"));
            String latest = f.getOrDefault(key + "latest-job", "");
            if ("true".equals(f.get(key + "suspended"))) {
                problems.add(name + ": suspended");
            } else if (last == null) {
                problems.add(name + ": never succeeded");
            } else if (Duration.between(last, now).compareTo(within) > 0) {
                problems.add(name + ": last success " + Judge.age(Duration.between(last, now)) + " ago");
            } else if (latest.startsWith("Failed")) {
                problems.add(name + ": latest job " + latest);
            } else {
                fine.add(name + ": last success " + Judge.age(Duration.between(last, now)) + " ago");
            }
        }
        return problems.isEmpty() ? Verdict.ok("check.backup.ok", String.join("; ", fine))
                : Verdict.fail("check.backup.failed", String.join("; ", problems), Judge.age(within));
    }

    private static Instant parse(String t) {
        try {
            return t == null || t.isBlank() ? null : Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
