package io.warroom.kubernetes.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionExecutor;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.action.Progress;
import io.warroom.action.RunAs;
import io.warroom.shared.Durations;
import io.warroom.shared.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code kubernetes} executor. Every call first checks the cluster, the namespace allow-list and the
 * names (no request is sent for a refused spec), then reads or changes through fabric8.
 */
public class KubernetesExecutor implements ActionExecutor {

    static final Set<String> READS = Set.of("pods", "logs", "rollout-status", "rollout-history", "cronjobs");
    static final Set<String> CHANGES = Set.of("restart", "undo", "scale", "set-image", "delete-pod");
    private static final Set<String> FOLLOWABLE = Set.of("restart", "undo", "scale", "set-image", "rollout-status");
    private static final int MAX_TRACKED = 1000;

    private final ClusterConnection connection;
    private final KubeCalls calls;
    private final Duration rolloutTimeout;
    private final Clock clock;
    private final Reads reads;
    private final CronJobsReport cronJobs;
    private final Changes changes;
    /** When this replica first saw each rollout (by spec digest), for the rollout timeout. */
    private final Map<String, Instant> rolloutsStarted = new ConcurrentHashMap<>();

    public KubernetesExecutor(ClusterConnection connection, Duration rolloutTimeout, Clock clock) {
        this.connection = connection;
        this.calls = new KubeCalls(connection::client);
        this.rolloutTimeout = rolloutTimeout;
        this.clock = clock;
        this.reads = new Reads(calls, clock, connection.sandbox());
        this.cronJobs = new CronJobsReport(calls, clock, connection.sandbox());
        this.changes = new Changes(calls, clock, connection.sandbox());
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Set<String> operations() {
        var all = new java.util.TreeSet<>(READS);
        all.addAll(CHANGES);
        return all;
    }

    @Override
    public Set<String> parameters(String operation) {
        return switch (operation) {
            case "logs" -> Set.of("since", "tail", "previous", "grep", "container");
            case "scale" -> Set.of("replicas");
            case "set-image" -> Set.of("container", "image");
            default -> Set.of();
        };
    }

    @Override
    public Preview preview(ActionSpec spec, RunAs runAs) {
        check(spec);
        if (READS.contains(spec.operation())) {
            return new Preview(List.of(Line.of("kubernetes.line.read", spec.describe())), List.of(),
                    Text.of("kubernetes.preview.read-only"), connection.sandbox());
        }
        return changes.preview(spec, runAs);
    }

    @Override
    public ActionResult execute(ActionSpec spec, RunAs runAs) {
        check(spec);
        ActionResult result = switch (spec.operation()) {
            case "pods" -> reads.pods(spec, runAs);
            case "logs" -> Logs.read(calls, runAs, spec, connection.sandbox());
            case "rollout-status" -> reads.rolloutStatus(spec, runAs);
            case "rollout-history" -> reads.rolloutHistory(spec, runAs);
            case "cronjobs" -> cronJobs.report(spec, runAs);
            default -> changes.execute(spec, runAs);
        };
        if (result.followable()) {
            track(spec.digest(), clock.instant());
        }
        return result;
    }

    @Override
    public Optional<Progress> progress(ActionSpec spec, RunAs runAs) {
        if (!FOLLOWABLE.contains(spec.operation())) {
            return Optional.empty();
        }
        check(spec);
        var d = Deployments.require(calls, RunAs.bot(), spec.namespace(), spec.target());
        Progress p = RolloutStatus.of(d);
        String key = spec.digest();
        if (p.finished()) {
            rolloutsStarted.remove(key);
        } else {
            Instant started = track(key, clock.instant());
            Duration running = Duration.between(started, clock.instant());
            if (running.compareTo(rolloutTimeout) > 0) {
                rolloutsStarted.remove(key);
                p = new Progress(Progress.State.FAILED, Text.of("kubernetes.rollout.timeout", spec.target(),
                        Durations.format(rolloutTimeout), p.summary()), p.lines());
            }
        }
        if (connection.sandbox()) {
            p = new Progress(p.state(), Text.of("kubernetes.sandboxed", p.summary()), p.lines());
        }
        return Optional.of(p);
    }

    public boolean sandbox() {
        return connection.sandbox();
    }

    private Instant track(String key, Instant now) {
        if (rolloutsStarted.size() > MAX_TRACKED) {
            rolloutsStarted.entrySet().removeIf(e -> Duration.between(e.getValue(), now).compareTo(rolloutTimeout.multipliedBy(2)) > 0);
        }
        return rolloutsStarted.computeIfAbsent(key, k -> now);
    }

    /** Everything that can be refused without asking the API server. */
    private void check(ActionSpec spec) {
        if (!spec.executor().equals(name())) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.executor", Names.printable(spec.executor()));
        }
        if (!READS.contains(spec.operation()) && !CHANGES.contains(spec.operation())) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.operation", Names.printable(spec.operation()),
                    String.join(", ", operations()));
        }
        if (!spec.cluster().isEmpty() && !spec.cluster().equals(connection.name())) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.cluster", Names.printable(spec.cluster()),
                    connection.name().isEmpty() ? Text.of("kubernetes.cluster.one") : Text.plain(connection.name()));
        }
        Names.requireNamespace(spec.namespace(), connection.namespaces());
        switch (spec.operation()) {
            case "cronjobs" -> {
                if (!spec.target().isEmpty()) {
                    Names.requireName("cronjob", spec.target());
                }
            }
            case "delete-pod" -> Names.requireName("pod", spec.target());
            case "pods" -> {
                // No deployment: every pod of the namespace (the runbooks' "kubectl get pods -n ...").
                if (!spec.target().isEmpty()) {
                    Names.requireName("deployment", spec.target());
                }
            }
            case "logs" -> {
                Names.requireName("workload", spec.target());
                Logs.query(spec);
            }
            default -> Names.requireName("deployment", spec.target());
        }
        Changes.validate(spec);
    }
}
