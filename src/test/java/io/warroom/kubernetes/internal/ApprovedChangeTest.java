package io.warroom.kubernetes.internal;

import static io.warroom.kubernetes.internal.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionSpec;
import io.warroom.action.Preview;
import io.warroom.action.RunAs;
import io.warroom.kubernetes.internal.sandbox.SandboxCluster;
import io.warroom.support.English;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An approved change runs exactly what the approver saw: the preview pins the deployment's state into the
 * action, the dry run and the execution are the same request, and a deployment that moved in between is
 * refused, saying what moved, with nothing changed.
 */
class ApprovedChangeTest {

    static final RunAs OPERATOR = new RunAs("warroom-operator", List.of("sre"));
    static final String PATH = "/apis/apps/v1/namespaces/after-sales-prod/deployments/backend";

    SandboxCluster cluster;
    KubernetesMockServer server;
    KubernetesClient client;
    KubernetesExecutor executor;

    @BeforeEach
    void setUp() {
        cluster = SandboxCluster.empty();
        server = cluster.server();
        client = cluster.client();
        executor = new KubernetesExecutor(new ClusterConnection(client, false, "", List.of(NS), null), Duration.ofMinutes(10),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        Fixtures.backend(client);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** What the approval stores: the command's action bound to what its preview showed. */
    ActionSpec approved(String operation, Map<String, String> params) {
        var spec = new ActionSpec("kubernetes", operation, "", NS, "backend", params);
        Preview preview = executor.preview(spec, OPERATOR);
        return spec.expecting(preview.expected());
    }

    /** Someone deploys 1.9.0 with kubectl while the request waits for its approver. */
    void deployMeanwhile() {
        client.apps().deployments().inNamespace(NS).withName("backend").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("reg/backend:1.9.0");
            return d;
        });
        Fixtures.replicaSet(client, "backend-ccc", 3, "reg/backend:1.9.0", "release 1.9.0");
        client.apps().deployments().inNamespace(NS).withName("backend").edit(d -> {
            d.getMetadata().getAnnotations().put(Deployments.REVISION, "3");
            return d;
        });
    }

    /** The change requests (not the fixtures' status updates) received since the last call. */
    List<RecordedRequest> patches() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            if (r.getMethod().equals("PATCH") && !r.getPath().contains("/status")) {
                all.add(r);
            }
        }
        return all;
    }

    String image() {
        return client.apps().deployments().inNamespace(NS).withName("backend").get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
    }

    @Test
    void theExpectedStateIsPartOfTheDigest() {
        var spec = new ActionSpec("kubernetes", "scale", "", NS, "backend", Map.of("replicas", "5"));
        var approved = approved("scale", Map.of("replicas", "5"));
        assertThat(approved.expected()).containsKeys("uid", "generation", "replicas", "images", "revision");
        assertThat(approved.digest()).isNotEqualTo(spec.digest());
        assertThat(approved.expecting(Map.of("generation", "99")).digest()).isNotEqualTo(approved.digest());
    }

    @Test
    void anUnchangedDeploymentRunsTheExactRequestThatWasDryRun() throws Exception {
        var approved = approved("scale", Map.of("replicas", "5"));
        var dryRun = patches();

        executor.execute(approved, OPERATOR);

        assertThat(client.apps().deployments().inNamespace(NS).withName("backend").get().getSpec().getReplicas()).isEqualTo(5);
        var executed = patches();
        assertThat(dryRun).singleElement().satisfies(r -> assertThat(r.getPath()).endsWith("?dryRun=All"));
        assertThat(executed).singleElement().satisfies(r -> {
            assertThat(r.getPath()).doesNotContain("dryRun");
            assertThat(r.getUtf8Body()).isEqualTo(dryRun.get(0).getUtf8Body()).contains("\"op\":\"test\",\"path\":\"/metadata/generation\"");
        });
    }

    @Test
    void aDeployBetweenRequestAndApprovalIsRefusedAndChangesNothing() throws Exception {
        for (var change : List.of(Map.of("op", "scale", "replicas", "5"), Map.of("op", "restart"),
                Map.of("op", "set-image", "container", "backend", "image", "reg/backend:2.0.0"), Map.of("op", "undo"))) {
            var params = new java.util.HashMap<>(change);
            String op = params.remove("op");
            var approved = approved(op, params);
            var before = client.apps().deployments().inNamespace(NS).withName("backend").get();
            if (op.equals("scale")) {
                deployMeanwhile();
                before = client.apps().deployments().inNamespace(NS).withName("backend").get();
            } else {
                client.apps().deployments().inNamespace(NS).withName("backend").edit(d -> {
                    d.getSpec().setReplicas(d.getSpec().getReplicas() + 1);
                    return d;
                });
                before = client.apps().deployments().inNamespace(NS).withName("backend").get();
            }
            patches();

            var expectedBefore = before;
            assertThatThrownBy(() -> executor.execute(approved, OPERATOR)).as(op)
                    .isInstanceOfSatisfying(ActionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CHANGED);
                        assertThat(English.of(e.text())).startsWith("Deployment backend in after-sales-prod changed since it was approved: ")
                                .endsWith("Nothing was changed; ask again.");
                    });
            assertThat(patches()).as("nothing sent for %s", op).isEmpty();
            var after = client.apps().deployments().inNamespace(NS).withName("backend").get();
            assertThat(after.getSpec()).as(op).isEqualTo(expectedBefore.getSpec());
        }
    }

    @Test
    void theRefusalSaysWhatMoved() {
        var approved = approved("scale", Map.of("replicas", "5"));
        deployMeanwhile();
        assertThatThrownBy(() -> executor.execute(approved, OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(English.of(e.text())).isEqualTo(
                        "Deployment backend in after-sales-prod changed since it was approved: images backend=reg/backend:1.8.3 → "
                                + "backend=reg/backend:1.9.0, revision 2 → 3. Nothing was changed; ask again."));
        assertThat(English.zh(new ActionException(Reason.CHANGED, "kubernetes.changed", "backend", NS,
                io.warroom.shared.Text.of("kubernetes.changed.replicas", "3", "4")).text()))
                .isEqualTo("after-sales-prod 中的 Deployment backend 在批准之后发生了变化：副本数 3 → 4。没有做任何修改，请重新申请。");
    }

    @Test
    void theRollbackTargetIsExactlyTheRevisionShown() throws Exception {
        var approved = approved("undo", Map.of());
        assertThat(approved.expected()).containsEntry("to.revision", "1").containsEntry("to.replicaSet", "backend-aaa");

        executor.execute(approved, OPERATOR);

        assertThat(image()).isEqualTo("reg/backend:1.8.2");
        assertThat(patches()).filteredOn(r -> !r.getPath().contains("dryRun")).singleElement()
                .satisfies(r -> assertThat(r.getUtf8Body()).contains("\"op\":\"replace\",\"path\":\"/spec/template\"")
                        .contains("reg/backend:1.8.2"));
    }

    @Test
    void aRollbackWhoseTargetRevisionWasCleanedUpIsRefused() {
        var approved = approved("undo", Map.of());
        client.apps().replicaSets().inNamespace(NS).withName("backend-aaa").delete();

        assertThatThrownBy(() -> executor.execute(approved, OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHANGED);
                    assertThat(English.of(e.text())).contains("revision 1 (backend=reg/backend:1.8.2) no longer exists");
                });
        assertThat(image()).isEqualTo("reg/backend:1.8.3");
    }

    @Test
    void aDeploymentThatMovesWhileTheChangeIsSentIsRefusedByTheApiServer() throws Exception {
        var approved = approved("set-image", Map.of("container", "backend", "image", "reg/backend:2.0.0"));
        // The API server evaluates the patch's test operations against the object as it is at that instant.
        server.expect().patch().withPath(PATH).andReturn(422, new StatusBuilder().withCode(422).withReason("Invalid")
                .withMessage("the server rejected our request due to an error in our request: testing value /metadata/generation failed")
                .build()).once();

        assertThatThrownBy(() -> executor.execute(approved, OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHANGED);
                    assertThat(English.of(e.text())).contains("it changed while the change was being applied");
                });
        assertThat(image()).isEqualTo("reg/backend:1.8.3");
    }

    @Test
    void aRecreatedPodWithTheSameNameIsNotDeleted() {
        Fixtures.pod(client, "redis-0", false);
        var spec = new ActionSpec("kubernetes", "delete-pod", "", NS, "redis-0", Map.of());
        var approved = spec.expecting(executor.preview(spec, OPERATOR).expected());
        client.pods().inNamespace(NS).withName("redis-0").delete();
        Fixtures.pod(client, "redis-0", false);
        String uid = client.pods().inNamespace(NS).withName("redis-0").get().getMetadata().getUid();

        assertThatThrownBy(() -> executor.execute(approved, OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHANGED));
        assertThat(client.pods().inNamespace(NS).withName("redis-0").get().getMetadata().getUid()).isEqualTo(uid);
    }
}
