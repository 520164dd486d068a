package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A kubectl-like pod table with the reasons that matter in an incident (CrashLoopBackOff, OOMKilled). */
final class PodsReport {

    record Row(String name, String ready, String status, String restarts, String age, String node) {
        boolean allReady() {
            String[] parts = ready.split("/");
            return parts.length == 2 && parts[0].equals(parts[1]) && !parts[1].equals("0");
        }
    }

    private PodsReport() {
    }

    static Row row(Pod p, Instant now) {
        List<ContainerStatus> statuses = p.getStatus() == null || p.getStatus().getContainerStatuses() == null
                ? List.of() : p.getStatus().getContainerStatuses();
        int containers = p.getSpec() == null || p.getSpec().getContainers() == null ? statuses.size() : p.getSpec().getContainers().size();
        long ready = statuses.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
        int restarts = statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
        String lastRestart = statuses.stream()
                .filter(s -> s.getLastState() != null && s.getLastState().getTerminated() != null)
                .map(s -> s.getLastState().getTerminated().getFinishedAt()).filter(java.util.Objects::nonNull)
                .max(String::compareTo).map(t -> " (" + Ages.since(t, now) + " ago)").orElse("");
        String node = p.getSpec() == null || p.getSpec().getNodeName() == null ? "-" : p.getSpec().getNodeName();
        return new Row(p.getMetadata().getName(), ready + "/" + containers, status(p, statuses), restarts + (restarts > 0 ? lastRestart : ""),
                Ages.since(p.getMetadata().getCreationTimestamp(), now), node);
    }

    /** What kubectl shows in STATUS: a waiting or terminated reason wins over the phase. */
    static String status(Pod p, List<ContainerStatus> statuses) {
        if (p.getMetadata().getDeletionTimestamp() != null) {
            return "Terminating";
        }
        for (ContainerStatus s : statuses) {
            if (s.getState() != null && s.getState().getWaiting() != null && s.getState().getWaiting().getReason() != null) {
                return s.getState().getWaiting().getReason();
            }
        }
        for (ContainerStatus s : statuses) {
            if (s.getState() != null && s.getState().getTerminated() != null && s.getState().getTerminated().getReason() != null) {
                return s.getState().getTerminated().getReason();
            }
        }
        return p.getStatus() == null || p.getStatus().getPhase() == null ? "Unknown" : p.getStatus().getPhase();
    }

    /** Why containers last stopped, for pods that restarted: "agent-x/app last terminated: OOMKilled (exit 137)". */
    static List<String> notes(Pod p) {
        List<String> notes = new ArrayList<>();
        if (p.getStatus() == null || p.getStatus().getContainerStatuses() == null) {
            return notes;
        }
        for (ContainerStatus s : p.getStatus().getContainerStatuses()) {
            if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
                var t = s.getLastState().getTerminated();
                notes.add(p.getMetadata().getName() + "/" + s.getName() + " last terminated: "
                        + (t.getReason() == null ? "Unknown" : t.getReason()) + " (exit " + t.getExitCode() + ")");
            }
            if (s.getState() != null && s.getState().getWaiting() != null && s.getState().getWaiting().getMessage() != null) {
                notes.add(p.getMetadata().getName() + "/" + s.getName() + ": " + s.getState().getWaiting().getMessage());
            }
        }
        return notes;
    }

    /** The facts of {@link Reads#pods}: per pod its phase, status, ready containers and restarts. */
    static java.util.Map<String, String> facts(List<Pod> pods, List<Row> rows) {
        var facts = new java.util.TreeMap<String, String>();
        facts.put("pods", Integer.toString(pods.size()));
        for (int i = 0; i < pods.size(); i++) {
            Pod p = pods.get(i);
            Row r = rows.get(i);
            String key = "pod." + r.name() + ".";
            facts.put(key + "phase", p.getStatus() == null || p.getStatus().getPhase() == null ? "Unknown" : p.getStatus().getPhase());
            facts.put(key + "status", r.status());
            facts.put(key + "ready", r.ready());
            int restarts = p.getStatus() == null || p.getStatus().getContainerStatuses() == null ? 0
                    : p.getStatus().getContainerStatuses().stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
            facts.put(key + "restarts", Integer.toString(restarts));
        }
        return facts;
    }

    static String table(List<Row> rows) {
        String[] headers = {"NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE"};
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        append(sb, headers, width);
        rows.forEach(r -> append(sb, cells(r), width));
        return sb.toString();
    }

    private static String[] cells(Row r) {
        return new String[] {r.name(), r.ready(), r.status(), r.restarts(), r.age(), r.node()};
    }

    private static void append(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == cells.length - 1 ? cells[i] : String.format("%-" + (width[i] + 2) + "s", cells[i]));
        }
        sb.append('\n');
    }
}
