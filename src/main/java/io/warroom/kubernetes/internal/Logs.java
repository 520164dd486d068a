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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl logs} for a pod, or for every pod of a deployment (newest first, at most {@value #MAX_PODS},
 * each line labelled with its pod). Parameters: since, tail, previous, grep (case-sensitive substring), container.
 */
final class Logs {

    static final int DEFAULT_TAIL = 200;
    static final int MAX_TAIL = 5000;
    static final int MAX_PODS = 5;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

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
                throw new ActionException(Reason.INVALID, "tail must be a whole number from 1 to " + MAX_TAIL);
            }
        }
        boolean prev = false;
        if (previous != null && !previous.isBlank()) {
            if (!previous.equals("true") && !previous.equals("false")) {
                throw new ActionException(Reason.INVALID, "previous must be true or false");
            }
            prev = Boolean.parseBoolean(previous);
        }
        return new Query(since == null || since.isBlank() ? null : seconds(since.trim()), tailLines, prev,
                blankToNull(spec.parameter("grep")), container);
    }

    /** 90s, 30m, 1h, 2h30m, 1d; at most 30 days. */
    static int seconds(String since) {
        Matcher m = DURATION.matcher(since);
        long total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total += switch (m.group(2)) {
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                default -> n * 86400;
            };
            end = m.end();
        }
        if (end == 0 || end != since.length() || total < 1 || total > 30L * 86400) {
            throw new ActionException(Reason.INVALID, "since must be a duration like 90s, 30m, 1h or 2h30m (at most 30d), not '"
                    + Names.printable(since) + "'");
        }
        return (int) total;
    }

    static ActionResult read(KubeCalls calls, RunAs runAs, ActionSpec spec, boolean sandbox) {
        String ns = spec.namespace();
        String target = spec.target();
        Query q = query(spec);
        Deployment d = calls.run(runAs, "reading deployment " + target + " in " + ns,
                c -> c.apps().deployments().inNamespace(ns).withName(target).get());
        List<Pod> pods;
        String subject;
        if (d != null) {
            List<Pod> all = calls.run(runAs, "listing pods of " + target, c -> Deployments.pods(c, d)).stream()
                    .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp())).reversed())
                    .toList();
            if (all.isEmpty()) {
                throw new ActionException(Reason.NOT_FOUND, "deployment " + target + " in " + ns + " has no pods");
            }
            pods = all.subList(0, Math.min(MAX_PODS, all.size()));
            subject = "deployment " + target + " (" + pods.size() + (all.size() > pods.size() ? " newest of " + all.size() : "") + " pods)";
        } else {
            Pod pod = calls.run(runAs, "reading pod " + target + " in " + ns, c -> c.pods().inNamespace(ns).withName(target).get());
            if (pod == null) {
                throw new ActionException(Reason.NOT_FOUND, "no deployment or pod named " + target + " in namespace " + ns);
            }
            pods = List.of(pod);
            subject = "pod " + target;
        }
        boolean label = pods.size() > 1;
        List<String> out = new ArrayList<>();
        int fetched = 0;
        for (Pod p : pods) {
            String name = p.getMetadata().getName();
            String text;
            try {
                text = calls.run(runAs, "reading logs of pod " + name, c -> fetch(c, ns, name, container(p, q.container()), q));
            } catch (ActionException e) {
                if (!label) {
                    throw e;
                }
                out.add("[" + name + "] (no logs: " + e.getMessage() + ")");
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
        lines.add(new Line("source", subject + " in " + ns));
        lines.add(new Line("query", describe(q)));
        lines.add(new Line("lines", q.grep() == null ? String.valueOf(out.size())
                : out.size() + " matching \"" + q.grep() + "\" of " + fetched));
        String summary = "logs of " + subject + " in " + ns + ": " + out.size() + " lines" + (sandbox ? " (sandbox)" : "");
        return new ActionResult(summary, lines, String.join("\n", out), sandbox, false);
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

    private static String describe(Query q) {
        List<String> parts = new ArrayList<>();
        if (q.sinceSeconds() != null) {
            parts.add("since " + Ages.format(java.time.Duration.ofSeconds(q.sinceSeconds())));
        }
        parts.add("tail " + q.tail());
        if (q.previous()) {
            parts.add("previous container");
        }
        if (q.container() != null) {
            parts.add("container " + q.container());
        }
        if (q.grep() != null) {
            parts.add("grep \"" + q.grep() + "\"");
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
