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
import io.warroom.shared.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<Pod> pods = d != null ? calls.run(runAs, Text.of("kubernetes.call.list-pods", spec.target()), c -> Deployments.pods(c, d))
                : calls.run(runAs, Text.of("kubernetes.call.list-pods-in", spec.namespace()), c -> c.pods().inNamespace(spec.namespace())
                        .list().getItems().stream().sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName())).toList());
        var now = clock.instant();
        List<PodsReport.Row> rows = pods.stream().map(p -> PodsReport.row(p, now)).toList();
        long ready = rows.stream().filter(PodsReport.Row::allReady).count();
        List<String> notes = pods.stream().flatMap(p -> PodsReport.notes(p).stream()).toList();
        List<Line> lines = new ArrayList<>();
        if (d == null) {
            lines.add(Line.of("kubernetes.line.namespace", spec.namespace()));
            lines.add(Line.of("kubernetes.line.pods", Text.of("kubernetes.value.pods-in", pods.size(), ready)));
        } else {
            lines.add(Line.of("kubernetes.line.deployment", spec.namespace() + "/" + spec.target()));
            lines.add(Line.of("kubernetes.line.pods", Text.of("kubernetes.value.pods", pods.size(), ready, Deployments.desired(d))));
            lines.add(Line.of("kubernetes.line.images", Deployments.images(Deployments.containers(d))));
        }
        List<Object> problems = rows.stream().filter(r -> !r.status().equals("Running") || !r.restarts().startsWith("0"))
                .map(r -> (Object) Text.of("kubernetes.value.problem", r.name(), r.status(),
                        r.restarts().split(" ")[0])).toList();
        if (!problems.isEmpty()) {
            lines.add(Line.of("kubernetes.line.attention", Text.list(problems)));
        }
        String body = PodsReport.table(rows) + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes) + "\n");
        Text summary;
        if (d == null) {
            summary = problems.isEmpty() ? Text.of("kubernetes.summary.pods-in", spec.namespace(), ready, pods.size())
                    : Text.of("kubernetes.summary.pods-in-attention", spec.namespace(), ready, pods.size(), problems.size());
        } else {
            summary = problems.isEmpty() ? Text.of("kubernetes.summary.pods", spec.target(), spec.namespace(), ready, pods.size())
                    : Text.of("kubernetes.summary.pods-attention", spec.target(), spec.namespace(), ready, pods.size(), problems.size());
        }
        return new ActionResult(sandbox ? Text.of("kubernetes.sandboxed", summary) : summary, lines, body, sandbox, false,
                PodsReport.facts(pods, rows));
    }

    ActionResult rolloutStatus(ActionSpec spec, RunAs runAs) {
        Deployment d = Deployments.require(calls, runAs, spec.namespace(), spec.target());
        Progress p = RolloutStatus.of(d);
        List<Line> lines = new ArrayList<>(List.of(Line.of("kubernetes.line.state",
                Text.of("kubernetes.state." + p.state().name().toLowerCase(Locale.ROOT)))));
        lines.addAll(p.lines());
        return result(p.summary(), lines, "");
    }

    ActionResult rolloutHistory(ActionSpec spec, RunAs runAs) {
        Deployment d = Deployments.require(calls, runAs, spec.namespace(), spec.target());
        List<ReplicaSet> sets = calls.run(runAs, Text.of("kubernetes.call.list-replicasets", spec.target()),
                c -> Deployments.replicaSets(c, d));
        if (sets.isEmpty()) {
            throw new ActionException(Reason.NOT_FOUND, "kubernetes.not-found.no-replicasets", spec.target(), spec.namespace());
        }
        long current = Deployments.revision(sets.get(0));
        // kubectl's own table: column names are kubectl's, the same in every language
        StringBuilder body = new StringBuilder("REVISION  IMAGES  CHANGE-CAUSE\n");
        List<Line> lines = new ArrayList<>();
        for (ReplicaSet rs : sets) {
            long revision = Deployments.revision(rs);
            String images = Deployments.images(rs.getSpec().getTemplate().getSpec().getContainers());
            String cause = Deployments.annotation(rs.getMetadata().getAnnotations(), Deployments.CHANGE_CAUSE);
            String age = Ages.since(rs.getMetadata().getCreationTimestamp(), clock.instant());
            body.append(revision).append(revision == current ? " (current)" : "").append("  ").append(images).append("  ")
                    .append(cause == null ? "<none>" : cause).append('\n');
            Text label = Text.of(revision == current ? "kubernetes.line.revision-current" : "kubernetes.line.revision-n", revision);
            lines.add(new Line(label, cause == null ? Text.of("kubernetes.value.revision", images, age)
                    : Text.of("kubernetes.value.revision-cause", images, age, cause)));
        }
        return result(Text.of("kubernetes.summary.history", spec.target(), spec.namespace(), sets.size(), current), lines,
                body.toString());
    }

    private ActionResult result(Text summary, List<Line> lines, String body) {
        return new ActionResult(sandbox ? Text.of("kubernetes.sandboxed", summary) : summary, lines, body, sandbox, false);
    }
}
