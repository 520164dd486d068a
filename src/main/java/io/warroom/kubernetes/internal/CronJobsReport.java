package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.RunAs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runbooks' "backup status": CronJobs (schedule, suspended, last runs) and their most recent Jobs.
 * Facts per CronJob: {@code cronjob.<name>.last-schedule}, {@code .last-success} (RFC 3339, empty when
 * never), {@code .latest-job} (Complete, Failed (reason), Running, Pending, no jobs), {@code .suspended}.
 */
final class CronJobsReport {

    static final int JOBS_PER_CRONJOB = 3;

    private final KubeCalls calls;
    private final Clock clock;
    private final boolean sandbox;

    CronJobsReport(KubeCalls calls, Clock clock, boolean sandbox) {
        this.calls = calls;
        this.clock = clock;
        this.sandbox = sandbox;
    }

    ActionResult report(ActionSpec spec, RunAs runAs) {
        String ns = spec.namespace();
        List<CronJob> cronJobs;
        if (spec.target().isEmpty()) {
            cronJobs = calls.run(runAs, "listing CronJobs in " + ns,
                    c -> c.batch().v1().cronjobs().inNamespace(ns).list().getItems());
        } else {
            CronJob one = calls.run(runAs, "reading CronJob " + spec.target() + " in " + ns,
                    c -> c.batch().v1().cronjobs().inNamespace(ns).withName(spec.target()).get());
            if (one == null) {
                throw new ActionException(Reason.NOT_FOUND, "CronJob " + spec.target() + " not found in namespace " + ns);
            }
            cronJobs = List.of(one);
        }
        List<Job> jobs = cronJobs.isEmpty() ? List.of()
                : calls.run(runAs, "listing Jobs in " + ns, c -> c.batch().v1().jobs().inNamespace(ns).list().getItems());
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        var facts = new java.util.TreeMap<String, String>();
        facts.put("cronjobs", Integer.toString(cronJobs.size()));
        StringBuilder body = new StringBuilder();
        int failing = 0;
        for (CronJob cj : cronJobs.stream().sorted(Comparator.comparing(c -> c.getMetadata().getName())).toList()) {
            String name = cj.getMetadata().getName();
            var status = cj.getStatus();
            String last = status == null ? null : status.getLastScheduleTime();
            String lastOk = status == null ? null : status.getLastSuccessfulTime();
            boolean suspended = Boolean.TRUE.equals(cj.getSpec().getSuspend());
            List<Job> own = jobs.stream().filter(j -> ownedBy(j, name))
                    .sorted(Comparator.comparing(CronJobsReport::startedOrCreated).reversed())
                    .limit(JOBS_PER_CRONJOB).toList();
            String lastState = own.isEmpty() ? "no jobs" : state(own.get(0));
            String key = "cronjob." + name + ".";
            facts.put(key + "last-schedule", last == null ? "" : last);
            facts.put(key + "last-success", lastOk == null ? "" : lastOk);
            facts.put(key + "latest-job", lastState);
            facts.put(key + "suspended", Boolean.toString(suspended));
            if (lastState.startsWith("Failed")) {
                failing++;
            }
            lines.add(new Line(name, "schedule " + cj.getSpec().getSchedule() + (suspended ? " (SUSPENDED)" : "")
                    + ", last run " + ago(last, now) + ", last success " + ago(lastOk, now) + ", latest job: " + lastState));
            body.append(name).append("  schedule \"").append(cj.getSpec().getSchedule()).append('"')
                    .append(suspended ? "  SUSPENDED" : "").append("  last schedule ").append(ago(last, now))
                    .append("  last successful ").append(ago(lastOk, now)).append('\n');
            for (Job j : own) {
                body.append("  ").append(j.getMetadata().getName()).append("  ").append(state(j))
                        .append("  started ").append(ago(j.getStatus() == null ? null : j.getStatus().getStartTime(), now))
                        .append(duration(j)).append('\n');
            }
        }
        if (cronJobs.isEmpty()) {
            body.append("no CronJobs in ").append(ns).append('\n');
        }
        String summary = cronJobs.size() + " CronJob" + (cronJobs.size() == 1 ? "" : "s") + " in " + ns
                + (failing > 0 ? ", " + failing + " with a failed latest job" : "") + (sandbox ? " (sandbox)" : "");
        return new ActionResult(summary, lines, body.toString(), sandbox, false, facts);
    }

    private static String startedOrCreated(Job j) {
        String start = j.getStatus() == null ? null : j.getStatus().getStartTime();
        return String.valueOf(start != null ? start : j.getMetadata().getCreationTimestamp());
    }

    private static boolean ownedBy(Job j, String cronJob) {
        var owners = j.getMetadata().getOwnerReferences();
        if (owners != null && !owners.isEmpty()) {
            return owners.stream().anyMatch(o -> "CronJob".equals(o.getKind()) && cronJob.equals(o.getName()));
        }
        return j.getMetadata().getName().startsWith(cronJob + "-");
    }

    static String state(Job j) {
        var s = j.getStatus();
        if (s == null) {
            return "Pending";
        }
        if (s.getConditions() != null) {
            for (JobCondition c : s.getConditions()) {
                if ("True".equals(c.getStatus()) && ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))) {
                    return c.getType() + (c.getReason() == null || "Complete".equals(c.getType()) ? "" : " (" + c.getReason() + ")");
                }
            }
        }
        return s.getActive() != null && s.getActive() > 0 ? "Running" : "Pending";
    }

    private static String duration(Job j) {
        if (j.getStatus() == null) {
            return "";
        }
        Instant start = Ages.parse(j.getStatus().getStartTime());
        Instant end = Ages.parse(j.getStatus().getCompletionTime());
        return start == null || end == null ? "" : ", took " + Ages.format(Duration.between(start, end));
    }

    private static String ago(String timestamp, Instant now) {
        return timestamp == null ? "never" : Ages.since(timestamp, now) + " ago (" + timestamp + ")";
    }
}
