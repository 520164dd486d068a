package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.RunAs;
import io.warroom.shared.Text;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reading a Deployment and what belongs to it (ReplicaSets by revision, pods by selector). */
final class Deployments {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    private Deployments() {
    }

    static Deployment require(KubeCalls calls, RunAs runAs, String ns, String name) {
        Deployment d = calls.run(runAs, Text.of("kubernetes.call.read-deployment", name, ns),
                c -> c.apps().deployments().inNamespace(ns).withName(name).get());
        if (d == null) {
            throw new ActionException(Reason.NOT_FOUND, "kubernetes.not-found.deployment", name, ns);
        }
        return d;
    }

    static Pod requirePod(KubeCalls calls, RunAs runAs, String ns, String name) {
        Pod p = calls.run(runAs, Text.of("kubernetes.call.read-pod", name, ns), c -> c.pods().inNamespace(ns).withName(name).get());
        if (p == null) {
            throw new ActionException(Reason.NOT_FOUND, "kubernetes.not-found.pod", name, ns);
        }
        return p;
    }

    static List<Pod> pods(KubernetesClient c, Deployment d) {
        var selector = d.getSpec().getSelector();
        if (selector == null || (selector.getMatchLabels() == null && selector.getMatchExpressions() == null)) {
            return List.of();
        }
        return c.pods().inNamespace(d.getMetadata().getNamespace()).withLabelSelector(selector).list().getItems().stream()
                .sorted(Comparator.comparing(Pod::getMetadata, Comparator.comparing(m -> m.getName())))
                .toList();
    }

    /** The deployment's ReplicaSets, newest revision first (what {@code rollout history} and {@code undo} use). */
    static List<ReplicaSet> replicaSets(KubernetesClient c, Deployment d) {
        Map<String, String> labels = d.getSpec().getSelector() == null ? null : d.getSpec().getSelector().getMatchLabels();
        if (labels == null || labels.isEmpty()) {
            return List.of();
        }
        return c.apps().replicaSets().inNamespace(d.getMetadata().getNamespace()).withLabels(labels).list().getItems()
                .stream()
                .filter(rs -> ownedBy(rs, d))
                .sorted(Comparator.comparingLong((ReplicaSet rs) -> revision(rs)).reversed())
                .toList();
    }

    private static boolean ownedBy(ReplicaSet rs, Deployment d) {
        var owners = rs.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return true; // no owner recorded: the selector decides, as fabric8's undo does
        }
        return owners.stream().anyMatch(o -> "Deployment".equals(o.getKind()) && d.getMetadata().getName().equals(o.getName()));
    }

    static long revision(ReplicaSet rs) {
        return parse(annotation(rs.getMetadata().getAnnotations(), REVISION));
    }

    static long revision(Deployment d) {
        return parse(annotation(d.getMetadata().getAnnotations(), REVISION));
    }

    static String annotation(Map<String, String> annotations, String key) {
        return annotations == null ? null : annotations.get(key);
    }

    private static long parse(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static List<Container> containers(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers();
    }

    static String images(List<Container> containers) {
        return containers.stream().map(c -> c.getName() + "=" + c.getImage()).collect(Collectors.joining(", "));
    }

    static int desired(Deployment d) {
        return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    }

    static Text readiness(Deployment d) {
        var s = d.getStatus();
        int ready = s == null || s.getReadyReplicas() == null ? 0 : s.getReadyReplicas();
        int updated = s == null || s.getUpdatedReplicas() == null ? 0 : s.getUpdatedReplicas();
        int available = s == null || s.getAvailableReplicas() == null ? 0 : s.getAvailableReplicas();
        return Text.of("kubernetes.value.readiness", ready, desired(d), updated, available);
    }

    static long generation(Deployment d) {
        return d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    }

    static String containerNames(Deployment d) {
        return containers(d).stream().map(Container::getName).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }
}
