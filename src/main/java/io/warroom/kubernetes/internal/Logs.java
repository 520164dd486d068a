package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.BytesLimitTerminateTimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.RunAs;
import io.warroom.shared.Durations;
import io.warroom.shared.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl logs} for a pod, or for every pod of a deployment (newest first, at most {@value #MAX_PODS},
 * each line labelled with its pod). Parameters: since, tail, previous, grep (case-sensitive substring), container.
 */
final class Logs {

    static final int DEFAULT_TAIL = 200;
    static final int MAX_TAIL = 5000;
    static final int MAX_PODS = 5;
    private static final long MAX_SINCE = 30L * 86400;

    record Query(Integer sinceSeconds, int tail, boolean previous, String grep, String container) {
    }

    private Logs() {
    }

    static Query query(ActionSpec spec) {
        String since = spec.parameter("since");
        String tail = spec.parameter("tail");
        String previous = spec.parameter("previous");
        String container = blankToNull(spec.parameter("container"));
        Names.requireContainer(container);
        int tailLines = DEFAULT_TAIL;
        if (tail != null && !tail.isBlank()) {
            try {
                tailLines = Integer.parseInt(tail.trim());
            } catch (NumberFormatException e) {
                tailLines = -1;
            }
            if (tailLines < 1 || tailLines > MAX_TAIL) {
                throw new ActionException(Reason.INVALID, "kubernetes.invalid.tail", MAX_TAIL);
            }
        }
        boolean prev = false;
        if (previous != null && !previous.isBlank()) {
            if (!previous.equals("true") && !previous.equals("false")) {
                throw new ActionException(Reason.INVALID, "kubernetes.invalid.previous");
            }
            prev = Boolean.parseBoolean(previous);
        }
        return new Query(since == null || since.isBlank() ? null : seconds(since.trim()), tailLines, prev,
                blankToNull(spec.parameter("grep")), container);
    }

    /** 90s, 30m, 1h, 2h30m, 1d or ISO-8601; at most 30 days. */
    static int seconds(String since) {
        long total = Durations.parse(since).map(java.time.Duration::getSeconds).orElse(-1L);
        if (total < 1 || total > MAX_SINCE) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.since", Names.printable(since));
        }
        return (int) total;
    }

    static ActionResult read(KubeCalls calls, RunAs runAs, ActionSpec spec, boolean sandbox) {
        String ns = spec.namespace();
        String target = spec.target();
        Query q = query(spec);
        Deployment d = calls.run(runAs, Text.of("kubernetes.call.read-deployment", target, ns),
                c -> c.apps().deployments().inNamespace(ns).withName(target).get());
        List<Pod> pods;
        Text subject;
        if (d != null) {
            List<Pod> all = calls.run(runAs, Text.of("kubernetes.call.list-pods", target), c -> Deployments.pods(c, d)).stream()
                    .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp())).reversed())
                    .toList();
            if (all.isEmpty()) {
                throw new ActionException(Reason.NOT_FOUND, "kubernetes.not-found.no-pods", target, ns);
            }
            pods = all.subList(0, Math.min(MAX_PODS, all.size()));
            subject = all.size() > pods.size() ? Text.of("kubernetes.logs.deployment-newest", target, pods.size(), all.size())
                    : Text.of("kubernetes.logs.deployment", target, pods.size());
        } else {
            Pod pod = calls.run(runAs, Text.of("kubernetes.call.read-pod", target, ns), c -> c.pods().inNamespace(ns).withName(target).get());
            if (pod == null) {
                throw new ActionException(Reason.NOT_FOUND, "kubernetes.not-found.workload", target, ns);
            }
            pods = List.of(pod);
            subject = Text.of("kubernetes.logs.pod", target);
        }
        boolean label = pods.size() > 1;
        List<String> out = new ArrayList<>();
        List<Line> missing = new ArrayList<>();
        int fetched = 0;
        for (Pod p : pods) {
            String name = p.getMetadata().getName();
            String text;
            try {
                text = calls.run(runAs, Text.of("kubernetes.call.read-logs", name), c -> fetch(c, ns, name, container(p, q.container()), q));
            } catch (ActionException e) {
                if (!label) {
                    throw e;
                }
                missing.add(new Line(Text.of("kubernetes.line.no-logs", name), e.text()));
                continue;
            }
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                fetched++;
                if (q.grep() == null || line.contains(q.grep())) {
                    out.add(label ? "[" + name + "] " + line : line);
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("kubernetes.line.source", Text.of("kubernetes.logs.source", subject, ns)));
        lines.add(Line.of("kubernetes.line.query", describe(q)));
        lines.add(Line.of("kubernetes.line.lines", q.grep() == null ? Text.of("kubernetes.logs.count", out.size())
                : Text.of("kubernetes.logs.matching", out.size(), q.grep(), fetched)));
        lines.addAll(missing);
        Text summary = Text.of("kubernetes.summary.logs", subject, ns, out.size());
        return new ActionResult(sandbox ? Text.of("kubernetes.sandboxed", summary) : summary, lines, String.join("\n", out), sandbox, false);
    }

    private static String container(Pod p, String requested) {
        if (requested != null) {
            return requested;
        }
        var containers = p.getSpec() == null ? null : p.getSpec().getContainers();
        if (containers == null || containers.size() < 2) {
            return null;
        }
        var annotations = p.getMetadata().getAnnotations();
        String preferred = annotations == null ? null : annotations.get("kubectl.kubernetes.io/default-container");
        return preferred != null ? preferred : containers.get(0).getName();
    }

    private static String fetch(KubernetesClient c, String ns, String pod, String container, Query q) {
        PodResource resource = c.pods().inNamespace(ns).withName(pod);
        BytesLimitTerminateTimeTailPrettyLoggable base = container == null ? resource : resource.inContainer(container);
        TimeTailPrettyLoggable afterPrevious = q.previous() ? base.terminated() : base;
        TailPrettyLoggable afterSince = q.sinceSeconds() == null ? afterPrevious : afterPrevious.sinceSeconds(q.sinceSeconds());
        Loggable loggable = afterSince.tailingLines(q.tail());
        String log = loggable.getLog();
        return log == null ? "" : log;
    }

    private static Text describe(Query q) {
        List<Object> parts = new ArrayList<>();
        if (q.sinceSeconds() != null) {
            parts.add(Text.of("kubernetes.logs.since", Durations.format(java.time.Duration.ofSeconds(q.sinceSeconds()))));
        }
        parts.add(Text.of("kubernetes.logs.tail", q.tail()));
        if (q.previous()) {
            parts.add(Text.of("kubernetes.logs.previous"));
        }
        if (q.container() != null) {
            parts.add(Text.of("kubernetes.logs.container", q.container()));
        }
        if (q.grep() != null) {
            parts.add(Text.of("kubernetes.logs.grep", q.grep()));
        }
        return Text.list(parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
