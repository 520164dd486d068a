package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Progress;
import io.warroom.action.RunAs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The read operations on a deployment: pods, rollout-status, rollout-history. */
final class Reads {

    private final KubeCalls calls;
    private final Clock clock;
    private final boolean sandbox;

    Reads(KubeCalls calls, Clock clock, boolean sandbox) {
        this.calls = calls;
        this.clock = clock;
        this.sandbox = sandbox;
    }

    /**
     * Pods of a deployment, or of the whole namespace when no deployment is named. Facts, per pod:
     * {@code pod.<name>.phase}, {@code .status} (kubectl's STATUS), {@code .ready} ({@code 1/1}),
     * {@code .restarts}; and {@code pods} (how many).
     */
    ActionResult pods(ActionSpec spec, RunAs runAs) {
        Deployment d = spec.target().isEmpty() ? null : Deployments.require(calls, runAs, spec.namespace(), spec.target());
        List<Pod> pods = d != null ? calls.run(runAs, "listing pods of " + spec.target(), c -> Deployments.pods(c, d))
                : calls.run(runAs, "listing pods in " + spec.namespace(), c -> c.pods().inNamespace(spec.namespace())
                        .list().getItems().stream().sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName())).toList());
        var now = clock.instant();
        List<PodsReport.Row> rows = pods.stream().map(p -> PodsReport.row(p, now)).toList();
        long ready = rows.stream().filter(PodsReport.Row::allReady).count();
        List<String> notes = pods.stream().flatMap(p -> PodsReport.notes(p).stream()).toList();
        String scope = d == null ? spec.namespace() : spec.namespace() + "/" + spec.target();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(d == null ? "namespace" : "deployment", scope));
        lines.add(new Line("pods", pods.size() + " (" + ready + " ready" + (d == null ? "" : ", desired " + Deployments.desired(d)) + ")"));
        if (d != null) {
            lines.add(new Line("images", Deployments.images(Deployments.containers(d))));
        }
        List<String> problems = rows.stream().filter(r -> !r.status().equals("Running") || !r.restarts().startsWith("0"))
                .map(r -> r.name() + ": " + r.status() + ", restarts " + r.restarts()).toList();
        if (!problems.isEmpty()) {
            lines.add(new Line("attention", String.join("; ", problems)));
        }
        String body = PodsReport.table(rows) + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes) + "\n");
        String summary = (d == null ? spec.namespace() : spec.target() + " in " + spec.namespace()) + ": " + ready + "/"
                + pods.size() + " pods ready" + (problems.isEmpty() ? "" : ", " + problems.size() + " need attention")
                + (sandbox ? " (sandbox)" : "");
        return new ActionResult(summary, lines, body, sandbox, false, PodsReport.facts(pods, rows));
    }

    ActionResult rolloutStatus(ActionSpec spec, RunAs runAs) {
        Deployment d = Deployments.require(calls, runAs, spec.namespace(), spec.target());
        Progress p = RolloutStatus.of(d);
        List<Line> lines = new ArrayList<>(List.of(new Line("state", p.state().name())));
        lines.addAll(p.lines());
        return new ActionResult(p.summary() + (sandbox ? " (sandbox)" : ""), lines, "", sandbox, false);
    }

    ActionResult rolloutHistory(ActionSpec spec, RunAs runAs) {
        Deployment d = Deployments.require(calls, runAs, spec.namespace(), spec.target());
        List<ReplicaSet> sets = calls.run(runAs, "listing ReplicaSets of " + spec.target(), c -> Deployments.replicaSets(c, d));
        if (sets.isEmpty()) {
            throw new ActionException(Reason.NOT_FOUND, "deployment " + spec.target() + " in " + spec.namespace() + " has no ReplicaSets yet");
        }
        long current = Deployments.revision(sets.get(0));
        StringBuilder body = new StringBuilder("REVISION  IMAGES  CHANGE-CAUSE\n");
        List<Line> lines = new ArrayList<>();
        for (ReplicaSet rs : sets) {
            long revision = Deployments.revision(rs);
            String images = Deployments.images(rs.getSpec().getTemplate().getSpec().getContainers());
            String cause = Deployments.annotation(rs.getMetadata().getAnnotations(), Deployments.CHANGE_CAUSE);
            String age = Ages.since(rs.getMetadata().getCreationTimestamp(), clock.instant());
            body.append(revision).append(revision == current ? " (current)" : "").append("  ").append(images).append("  ")
                    .append(cause == null ? "<none>" : cause).append('\n');
            lines.add(new Line("revision " + revision + (revision == current ? " (current)" : ""),
                    images + " · " + age + " ago" + (cause == null ? "" : " · " + cause)));
        }
        String summary = spec.target() + " in " + spec.namespace() + ": " + sets.size() + " revisions, current " + current
                + (sandbox ? " (sandbox)" : "");
        return new ActionResult(summary, lines, body.toString(), sandbox, false);
    }
}
