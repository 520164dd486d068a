package io.warroom.kubernetes.internal.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A very small Deployment controller for the sandbox: once a deployment's spec has changed (restart,
 * set-image, undo, scale) and {@code delay} has passed, it makes the matching ReplicaSet the newest
 * revision, replaces or adds pods, and writes a complete rollout status.
 */
final class SandboxController {

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration delay;
    private final Map<String, Instant> pendingSince = new ConcurrentHashMap<>();
    private int podCounter;

    SandboxController(KubernetesClient client, Clock clock, Duration delay) {
        this.client = client;
        this.clock = clock;
        this.delay = delay;
    }

    void reconcile() {
        recreateRedis();
        for (String ns : SandboxCluster.NAMESPACES) {
            for (Deployment d : client.apps().deployments().inNamespace(ns).list().getItems()) {
                String key = ns + "/" + d.getMetadata().getName();
                if (!pending(d) && !missingPods(d)) {
                    pendingSince.remove(key);
                    continue;
                }
                Instant since = pendingSince.computeIfAbsent(key, k -> clock.instant());
                if (Duration.between(since, clock.instant()).compareTo(delay) >= 0) {
                    rollOut(d);
                    pendingSince.remove(key);
                }
            }
        }
    }

    /** Fewer pods of the current template than desired, e.g. after delete-pod: the ReplicaSet would replace them. */
    private boolean missingPods(Deployment d) {
        String hash = SandboxObjects.templateHash(d.getSpec().getTemplate());
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        long current = client.pods().inNamespace(d.getMetadata().getNamespace()).withLabels(d.getSpec().getSelector().getMatchLabels())
                .list().getItems().stream().filter(p -> hash.equals(p.getMetadata().getLabels().get(SandboxObjects.HASH))).count();
        return current < desired;
    }

    /** The StatefulSet behind redis-0 recreates it after a delete-pod. */
    private void recreateRedis() {
        var pods = client.pods().inNamespace("after-sales-prod");
        if (pods.withName("redis-0").get() != null) {
            pendingSince.remove("redis-0");
            return;
        }
        Instant since = pendingSince.computeIfAbsent("redis-0", k -> clock.instant());
        if (Duration.between(since, clock.instant()).compareTo(delay) >= 0) {
            pods.resource(SandboxSeed.redis(clock.instant(), clock.instant(), 0)).create();
            pendingSince.remove("redis-0");
        }
    }

    static boolean pending(Deployment d) {
        var s = d.getStatus();
        long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return s == null || s.getObservedGeneration() == null || s.getObservedGeneration() < generation
                || s.getReplicas() == null || s.getReplicas() != desired
                || s.getUpdatedReplicas() == null || s.getUpdatedReplicas() != desired;
    }

    private void rollOut(Deployment d) {
        String ns = d.getMetadata().getNamespace();
        String name = d.getMetadata().getName();
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        String hash = SandboxObjects.templateHash(d.getSpec().getTemplate());
        List<ReplicaSet> sets = client.apps().replicaSets().inNamespace(ns).withLabels(d.getSpec().getSelector().getMatchLabels())
                .list().getItems();
        long newest = sets.stream().mapToLong(SandboxController::revision).max().orElse(0);
        ReplicaSet current = sets.stream().filter(rs -> hash.equals(rs.getMetadata().getLabels().get(SandboxObjects.HASH)))
                .findFirst().orElse(null);
        long revision;
        if (current == null) {
            revision = newest + 1;
            String cause = d.getMetadata().getAnnotations() == null ? null : d.getMetadata().getAnnotations().get(SandboxObjects.CHANGE_CAUSE);
            current = client.apps().replicaSets().inNamespace(ns).resource(SandboxObjects.replicaSet(d, d.getSpec().getTemplate(),
                    revision, desired, cause, clock.instant())).create();
        } else {
            revision = revision(current) == newest ? newest : newest + 1;
            long rev = revision;
            current = client.apps().replicaSets().inNamespace(ns).withName(current.getMetadata().getName()).edit(rs -> {
                rs.getMetadata().getAnnotations().put(SandboxObjects.REVISION, String.valueOf(rev));
                rs.getSpec().setReplicas(desired);
                return rs;
            });
        }
        for (ReplicaSet rs : sets) {
            if (!rs.getMetadata().getName().equals(current.getMetadata().getName()) && rs.getSpec().getReplicas() != null
                    && rs.getSpec().getReplicas() > 0) {
                client.apps().replicaSets().inNamespace(ns).withName(rs.getMetadata().getName()).edit(x -> {
                    x.getSpec().setReplicas(0);
                    return x;
                });
            }
        }
        syncPods(d, current, hash, desired);
        long rev = revision;
        Deployment annotated = client.apps().deployments().inNamespace(ns).withName(name).edit(x -> {
            x.getMetadata().getAnnotations().put(SandboxObjects.REVISION, String.valueOf(rev));
            return x;
        });
        var status = SandboxObjects.completeStatus(annotated, current.getMetadata().getName(), clock.instant());
        client.apps().deployments().inNamespace(ns).withName(name).editStatus(x -> {
            x.setStatus(status);
            x.getStatus().setObservedGeneration(x.getMetadata().getGeneration() == null ? 1 : x.getMetadata().getGeneration());
            return x;
        });
    }

    private void syncPods(Deployment d, ReplicaSet current, String hash, int desired) {
        String ns = d.getMetadata().getNamespace();
        List<Pod> pods = client.pods().inNamespace(ns).withLabels(d.getSpec().getSelector().getMatchLabels()).list().getItems();
        List<Pod> keep = pods.stream().filter(p -> hash.equals(p.getMetadata().getLabels().get(SandboxObjects.HASH)))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
        for (Pod p : pods) {
            if (!keep.contains(p)) {
                client.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete();
            }
        }
        for (int i = desired; i < keep.size(); i++) {
            client.pods().inNamespace(ns).withName(keep.get(i).getMetadata().getName()).delete();
        }
        String[] nodes = {"cn-sh-node-1", "cn-sh-node-2", "cn-sh-node-3"};
        for (int i = keep.size(); i < desired; i++) {
            int n = ++podCounter;
            String suffix = SandboxObjects.encode(current.getMetadata().getName() + clock.instant() + n, 5);
            client.pods().inNamespace(ns).resource(SandboxObjects.runningPod(current, suffix, nodes[n % nodes.length], clock.instant())).create();
        }
    }

    private static long revision(ReplicaSet rs) {
        var a = rs.getMetadata().getAnnotations();
        try {
            return a == null || a.get(SandboxObjects.REVISION) == null ? 0 : Long.parseLong(a.get(SandboxObjects.REVISION));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
