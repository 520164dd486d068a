package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;

/** Objects in the shape a real cluster returns them: a deployment with two revisions and its pods. */
final class Fixtures {

    static final String NS = "after-sales-prod";
    static final Instant NOW = Instant.parse("2026-01-12T09:00:00Z");

    private Fixtures() {
    }

    /** backend: 3 replicas, image reg/backend:1.8.3 (revision 2), revision 1 had reg/backend:1.8.2; rollout complete. */
    static Deployment backend(KubernetesClient client) {
        Deployment d = client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
                .withNewMetadata().withName("backend").withNamespace(NS).addToAnnotations("deployment.kubernetes.io/revision", "2").endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "backend").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "backend").endMetadata()
                .withNewSpec().addNewContainer().withName("backend").withImage("reg/backend:1.8.3").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        replicaSet(client, "backend-aaa", 1, "reg/backend:1.8.2", "release 1.8.2");
        replicaSet(client, "backend-bbb", 2, "reg/backend:1.8.3", "release 1.8.3");
        return client.apps().deployments().inNamespace(NS).withName("backend").editStatus(x -> {
            x.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                    .withObservedGeneration(x.getMetadata().getGeneration()).withReplicas(3).withUpdatedReplicas(3)
                    .withReadyReplicas(3).withAvailableReplicas(3).build());
            return x;
        });
    }

    static void replicaSet(KubernetesClient client, String name, int revision, String image, String cause) {
        client.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", "backend")
                .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
                .addToAnnotations("kubernetes.io/change-cause", cause)
                .withCreationTimestamp(NOW.minusSeconds(86400L * (3 - revision)).toString()).endMetadata()
                .withNewSpec().withReplicas(revision == 2 ? 3 : 0).withNewSelector().addToMatchLabels("app", "backend").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "backend").endMetadata()
                .withNewSpec().addNewContainer().withName("backend").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    static Pod pod(KubernetesClient client, String name, boolean crashing) {
        var status = new ContainerStatusBuilder().withName("backend").withImage("reg/backend:1.8.3").withReady(!crashing)
                .withRestartCount(crashing ? 7 : 0);
        if (crashing) {
            status.withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                    .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137)
                    .withFinishedAt(NOW.minusSeconds(120).toString()).endTerminated().endLastState();
        } else {
            status.withNewState().withNewRunning().withStartedAt(NOW.minusSeconds(7200).toString()).endRunning().endState();
        }
        return client.pods().inNamespace(NS).resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", "backend")
                .withCreationTimestamp(NOW.minusSeconds(3 * 86400).toString()).endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("backend").withImage("reg/backend:1.8.3").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(status.build()).endStatus()
                .build()).create();
    }
}
