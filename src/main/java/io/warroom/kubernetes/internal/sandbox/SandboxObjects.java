package io.warroom.kubernetes.internal.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** How the sandbox builds ReplicaSets, pods and statuses, the way the Deployment controller would. */
final class SandboxObjects {

    static final String HASH = "pod-template-hash";
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private SandboxObjects() {
    }

    /** A stable hash of what makes a template a new revision: images and template annotations (restartedAt). */
    static String templateHash(PodTemplateSpec template) {
        var sb = new StringBuilder();
        template.getSpec().getContainers().forEach(c -> sb.append(c.getName()).append('=').append(c.getImage()).append(';'));
        var annotations = template.getMetadata() == null || template.getMetadata().getAnnotations() == null
                ? Map.<String, String>of() : template.getMetadata().getAnnotations();
        new TreeMap<>(annotations).forEach((k, v) -> sb.append(k).append(':').append(v).append(';'));
        return encode(sb.toString(), 10);
    }

    static String encode(String text, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            var sb = new StringBuilder();
            for (int i = 0; sb.length() < length; i++) {
                sb.append(ALPHABET.charAt((hash[i % hash.length] & 0xff) % ALPHABET.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReplicaSet replicaSet(Deployment d, PodTemplateSpec template, long revision, int replicas, String changeCause,
                                 Instant created) {
        String hash = templateHash(template);
        Map<String, String> labels = new HashMap<>(d.getSpec().getSelector().getMatchLabels());
        labels.put(HASH, hash);
        PodTemplateSpec withHash = new PodTemplateSpecBuilder(template).editOrNewMetadata().addToLabels(HASH, hash).endMetadata().build();
        Map<String, String> annotations = new HashMap<>();
        annotations.put(REVISION, String.valueOf(revision));
        if (changeCause != null) {
            annotations.put(CHANGE_CAUSE, changeCause);
        }
        return new ReplicaSetBuilder()
                .withNewMetadata().withName(d.getMetadata().getName() + "-" + hash).withNamespace(d.getMetadata().getNamespace())
                .withLabels(labels).withAnnotations(annotations).withCreationTimestamp(created.toString())
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                        .withName(d.getMetadata().getName()).withUid(d.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector().withTemplate(withHash).endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas).endStatus()
                .build();
    }

    /** A running, ready pod of a ReplicaSet (name like backend-7c9dq5xk2b-x4k2p). */
    static Pod runningPod(ReplicaSet rs, String suffix, String node, Instant started) {
        var template = rs.getSpec().getTemplate();
        var pod = new PodBuilder()
                .withNewMetadata().withName(rs.getMetadata().getName() + "-" + suffix).withNamespace(rs.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels()).withCreationTimestamp(started.toString())
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                        .withName(rs.getMetadata().getName()).withController(true).build())
                .endMetadata()
                .withSpec(template.getSpec()).build();
        pod.getSpec().setNodeName(node);
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                .withPodIP("10.42." + (Math.abs(suffix.hashCode()) % 8) + "." + (10 + Math.abs(suffix.hashCode()) % 200))
                .withStartTime(started.toString())
                .withContainerStatuses(template.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
                        .withName(c.getName()).withImage(c.getImage()).withReady(true).withRestartCount(0).withStarted(true)
                        .withNewState().withNewRunning().withStartedAt(started.plusSeconds(4).toString()).endRunning().endState()
                        .build()).toList())
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .build());
        return pod;
    }

    /** Status of a Deployment whose rollout is complete. */
    static DeploymentStatus completeStatus(Deployment d, String replicaSet, Instant now) {
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
        return new DeploymentStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .withConditions(
                        new DeploymentConditionBuilder().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable")
                                .withMessage("Deployment has minimum availability.").withLastUpdateTime(now.toString())
                                .withLastTransitionTime(now.toString()).build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable")
                                .withMessage("ReplicaSet \"" + replicaSet + "\" has successfully progressed.")
                                .withLastUpdateTime(now.toString()).withLastTransitionTime(now.toString()).build())
                .build();
    }
}
