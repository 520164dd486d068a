package io.warroom.kubernetes.internal;

import static io.warroom.kubernetes.internal.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Progress;
import io.warroom.action.RunAs;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesExecutorTest {

    static final RunAs OPERATOR = new RunAs("warroom-operator", List.of("sre", "after-sales-oncall"));

    KubernetesMockServer server;
    KubernetesClient client;
    KubernetesExecutor executor;

    @BeforeEach
    void setUp() {
        executor = executor(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        Fixtures.backend(client);
    }

    KubernetesExecutor executor(Clock clock) {
        return new KubernetesExecutor(new ClusterConnection(client, false, "", List.of(NS, "gateway"), null),
                Duration.ofMinutes(10), clock);
    }

    static ActionSpec spec(String operation, String target, Map<String, String> params) {
        return new ActionSpec("kubernetes", operation, "", NS, target, params);
    }

    /** Every request the server received so far, oldest first (drains the server's queue). */
    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            all.add(r);
        }
        return all;
    }

    @Test
    void restartSetsTheRestartedAtAnnotationAsTheImpersonatedIdentity() throws Exception {
        requests();
        ActionResult result = executor.execute(spec("restart", "backend", Map.of()), OPERATOR);

        var template = client.apps().deployments().inNamespace(NS).withName("backend").get().getSpec().getTemplate();
        assertThat(template.getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/restartedAt");
        assertThat(result.followable()).isTrue();
        assertThat(result.sandbox()).isFalse();
        assertThat(result.summary()).contains("restarting backend in after-sales-prod");
        var patches = requests().stream().filter(r -> r.getMethod().equals("PATCH")).toList();
        assertThat(patches).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeader("Impersonate-User")).isEqualTo("warroom-operator");
            assertThat(r.getHeaders().headers("Impersonate-Group")).containsExactlyInAnyOrder("sre", "after-sales-oncall");
        });
    }

    @Test
    void readsRunAsTheBotWithoutImpersonation() throws Exception {
        Fixtures.pod(client, "backend-bbb-x1", false);
        requests();
        executor.execute(spec("pods", "backend", Map.of()), RunAs.bot());
        assertThat(requests()).isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Impersonate-User")).isNull());
    }

    @Test
    void undoGoesBackToThePreviousRevisionsImage() {
        var preview = executor.preview(spec("undo", "backend", Map.of()), OPERATOR);
        assertThat(preview.change()).singleElement().satisfies(l ->
                assertThat(l.value()).isEqualTo("to revision 1 (image backend=reg/backend:1.8.2)"));

        ActionResult result = executor.execute(spec("undo", "backend", Map.of()), OPERATOR);

        var d = client.apps().deployments().inNamespace(NS).withName("backend").get();
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("reg/backend:1.8.2");
        assertThat(result.summary()).contains("to revision 1");
        assertThat(result.followable()).isTrue();
    }

    @Test
    void undoWithoutAPreviousRevisionIsRefused() {
        client.apps().replicaSets().inNamespace(NS).withName("backend-aaa").delete();
        assertThatThrownBy(() -> executor.execute(spec("undo", "backend", Map.of()), OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage()).contains("no previous revision");
                });
    }

    @Test
    void scaleChangesReplicasAndTheRolloutIsFollowed() {
        ActionResult result = executor.execute(spec("scale", "backend", Map.of("replicas", "5")), OPERATOR);

        assertThat(client.apps().deployments().inNamespace(NS).withName("backend").get().getSpec().getReplicas()).isEqualTo(5);
        assertThat(result.summary()).isEqualTo("scaled backend in after-sales-prod: replicas 3 → 5");
        assertThat(result.followable()).isTrue();
        // no controller in the mock server: the rollout has not been observed yet
        Progress progress = executor.progress(spec("scale", "backend", Map.of("replicas", "5")), OPERATOR).orElseThrow();
        assertThat(progress.state()).isEqualTo(Progress.State.IN_PROGRESS);
    }

    @Test
    void badReplicasAreRefusedBeforeAnyRequest() {
        int before = server.getRequestCount();
        for (String bad : new String[] {"-1", "many", "1001", ""}) {
            assertThatThrownBy(() -> executor.execute(spec("scale", "backend", Map.of("replicas", bad)), OPERATOR))
                    .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        }
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    @Test
    void setImageChangesOneContainer() {
        var preview = executor.preview(spec("set-image", "backend", Map.of("container", "backend", "image", "reg/backend:1.9.0")), OPERATOR);
        assertThat(preview.change()).singleElement().satisfies(l -> {
            assertThat(l.label()).isEqualTo("image backend");
            assertThat(l.value()).isEqualTo("reg/backend:1.8.3 → reg/backend:1.9.0");
        });

        executor.execute(spec("set-image", "backend", Map.of("container", "backend", "image", "reg/backend:1.9.0")), OPERATOR);

        var containers = client.apps().deployments().inNamespace(NS).withName("backend").get().getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).singleElement().satisfies(c -> assertThat(c.getImage()).isEqualTo("reg/backend:1.9.0"));
    }

    @Test
    void setImageOnAnUnknownContainerNamesTheContainers() {
        assertThatThrownBy(() -> executor.execute(spec("set-image", "backend", Map.of("container", "app", "image", "reg/x:1")), OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage()).contains("no container 'app'").contains("containers: backend");
                });
    }

    @Test
    void deletePodDeletesItAndSaysWhoRecreatesIt() throws Exception {
        Fixtures.pod(client, "redis-0", false);
        // the mock server would perform a dry-run delete; a real API server only validates it
        server.expect().delete().withPath("/api/v1/namespaces/after-sales-prod/pods/redis-0?dryRun=All")
                .andReturn(200, new StatusBuilder().withStatus("Success").build()).once();
        requests();
        var preview = executor.preview(new ActionSpec("kubernetes", "delete-pod", "", NS, "redis-0", Map.of()), OPERATOR);
        assertThat(preview.change()).singleElement().satisfies(l -> assertThat(l.value()).isEqualTo("redis-0 (Running, node node-1)"));
        assertThat(preview.current()).extracting(l -> l.value()).contains("no controller: it will NOT be recreated");
        assertThat(requests()).filteredOn(r -> r.getMethod().equals("DELETE")).singleElement().satisfies(r -> {
            assertThat(r.getPath()).endsWith("?dryRun=All");
            assertThat(r.getUtf8Body()).contains("\"dryRun\":[\"All\"]");
            assertThat(r.getHeader("Impersonate-User")).isEqualTo("warroom-operator");
        });
        assertThat(client.pods().inNamespace(NS).withName("redis-0").get()).isNotNull();

        ActionResult result = executor.execute(new ActionSpec("kubernetes", "delete-pod", "", NS, "redis-0", Map.of()), OPERATOR);

        assertThat(client.pods().inNamespace(NS).withName("redis-0").get()).isNull();
        assertThat(result.summary()).startsWith("deleted pod redis-0 in after-sales-prod (was Running, node node-1)");
        assertThat(result.followable()).isFalse();
        assertThat(requests()).filteredOn(r -> r.getMethod().equals("DELETE")).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Impersonate-User")).isEqualTo("warroom-operator"));
    }

    @Test
    void deletingAMissingPodIsNotFound() {
        assertThatThrownBy(() -> executor.execute(new ActionSpec("kubernetes", "delete-pod", "", NS, "redis-9", Map.of()), OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("pod redis-9 not found in namespace after-sales-prod");
                });
    }

    @Test
    void aMissingDeploymentIsNotFoundWithItsNamespace() {
        assertThatThrownBy(() -> executor.execute(spec("restart", "frontend", Map.of()), OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("deployment frontend not found in namespace after-sales-prod");
                });
        assertThatThrownBy(() -> executor.preview(spec("scale", "frontend", Map.of("replicas", "2")), OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void aNamespaceOutsideTheAllowListIsRefusedWithoutAnyRequest() {
        int before = server.getRequestCount();
        var spec = new ActionSpec("kubernetes", "restart", "", "kube-system", "coredns", Map.of());
        assertThatThrownBy(() -> executor.execute(spec, OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage()).startsWith("namespace kube-system is not allowed");
                });
        assertThatThrownBy(() -> executor.preview(spec, OPERATOR)).isInstanceOf(ActionException.class);
        assertThatThrownBy(() -> executor.execute(new ActionSpec("kubernetes", "pods", "", "Bad_NS", "x", Map.of()), RunAs.bot()))
                .hasMessageContaining("not a valid namespace name");
        assertThatThrownBy(() -> executor.execute(spec("pods", "backend/../x", Map.of()), RunAs.bot()))
                .hasMessageContaining("not a valid deployment name");
        assertThatThrownBy(() -> executor.execute(new ActionSpec("kubernetes", "pods", "prod-eu", NS, "backend", Map.of()), RunAs.bot()))
                .hasMessageContaining("cluster prod-eu is not configured");
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    @Test
    void forbiddenNamesTheImpersonatedIdentity() {
        Fixtures.pod(client, "redis-0", false);
        server.expect().delete().withPath("/api/v1/namespaces/after-sales-prod/pods/redis-0")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(
                        "pods \"redis-0\" is forbidden: User \"warroom-operator\" cannot delete resource \"pods\" in namespace \"after-sales-prod\"")
                        .build()).once();

        assertThatThrownBy(() -> executor.execute(new ActionSpec("kubernetes", "delete-pod", "", NS, "redis-0", Map.of()), OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(e.getMessage()).contains("impersonating warroom-operator (groups sre, after-sales-oncall)")
                            .contains("cannot delete resource");
                });
    }

    @Test
    void previewDryRunsTheEquivalentPatchAsTheImpersonatedIdentity() throws Exception {
        server.expect().patch().withPath("/apis/apps/v1/namespaces/after-sales-prod/deployments/backend?dryRun=All")
                .andReturn(200, client.apps().deployments().inNamespace(NS).withName("backend").get()).once();
        requests();

        var preview = executor.preview(spec("scale", "backend", Map.of("replicas", "5")), OPERATOR);

        assertThat(preview.change()).singleElement().satisfies(l -> assertThat(l.value()).isEqualTo("3 → 5"));
        assertThat(preview.current()).extracting(l -> l.label() + ": " + l.value())
                .contains("replicas: 3 (ready 3/3, updated 3, available 3)", "images: backend=reg/backend:1.8.3", "revision: 2");
        assertThat(preview.dryRun()).isEqualTo("accepted by the API server as impersonating warroom-operator (groups sre, after-sales-oncall)");
        assertThat(preview.sandbox()).isFalse();
        var dryRun = requests().stream().filter(r -> r.getMethod().equals("PATCH")).toList();
        assertThat(dryRun).singleElement().satisfies(r -> {
            assertThat(r.getPath()).contains("dryRun=All");
            assertThat(r.getUtf8Body()).isEqualTo("{\"spec\":{\"replicas\":5}}");
            assertThat(r.getHeader("Impersonate-User")).isEqualTo("warroom-operator");
        });
        assertThat(client.apps().deployments().inNamespace(NS).withName("backend").get().getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aRefusedDryRunIsShownInThePreview() {
        server.expect().patch().withPath("/apis/apps/v1/namespaces/after-sales-prod/deployments/backend?dryRun=All")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("cannot patch deployments").build()).once();
        var preview = executor.preview(spec("restart", "backend", Map.of()), OPERATOR);
        assertThat(preview.dryRun()).startsWith("refused: forbidden").contains("impersonating warroom-operator");
    }

    @Test
    void podsShowStatusRestartsAndReasons() {
        Fixtures.pod(client, "backend-bbb-x1", false);
        Fixtures.pod(client, "backend-bbb-x2", false);
        Fixtures.pod(client, "backend-bbb-x3", true);

        ActionResult result = executor.execute(spec("pods", "backend", Map.of()), RunAs.bot());

        assertThat(result.summary()).isEqualTo("backend in after-sales-prod: 2/3 pods ready, 1 need attention");
        assertThat(result.body()).contains("NAME", "READY", "STATUS", "RESTARTS")
                .containsPattern("backend-bbb-x1\\s+1/1\\s+Running\\s+0\\s+\\d+[smhd]\\s+node-1")
                .containsPattern("backend-bbb-x3\\s+0/1\\s+CrashLoopBackOff\\s+7 \\(2m ago\\)")
                .contains("backend-bbb-x3/backend last terminated: OOMKilled (exit 137)");
        assertThat(result.lines()).extracting(l -> l.label()).contains("attention");
    }

    @Test
    void logsMapSinceTailPreviousAndContainerToQueryParametersAndGrepFilters() throws Exception {
        Fixtures.pod(client, "backend-bbb-x1", false);
        String path = "/api/v1/namespaces/after-sales-prod/pods/backend-bbb-x1/log?pretty=false&container=backend&previous=true&sinceSeconds=3600&tailLines=50";
        server.expect().get().withPath(path).andReturn(200, """
                2026-01-12T08:10:00Z INFO  GET /api/v1/tickets 200 12ms
                2026-01-12T08:11:00Z ERROR publish failed: Connection refused (redis-0.redis:6379)
                2026-01-12T08:12:00Z INFO  GET /api/v1/tickets 200 9ms
                2026-01-12T08:13:00Z error in lower case does not match
                """).once();

        ActionResult result = executor.execute(new ActionSpec("kubernetes", "logs", "", NS, "backend-bbb-x1",
                Map.of("since", "1h", "tail", "50", "previous", "true", "container", "backend", "grep", "ERROR")), RunAs.bot());

        assertThat(result.body()).isEqualTo("2026-01-12T08:11:00Z ERROR publish failed: Connection refused (redis-0.redis:6379)");
        assertThat(result.lines()).extracting(l -> l.label() + ": " + l.value())
                .contains("lines: 1 matching \"ERROR\" of 4", "query: since 1h, tail 50, previous container, container backend, grep \"ERROR\"");
        assertThat(result.summary()).isEqualTo("logs of pod backend-bbb-x1 in after-sales-prod: 1 lines");
    }

    @Test
    void logsOfADeploymentLabelEachPodsLines() {
        Fixtures.pod(client, "backend-bbb-x1", false);
        Fixtures.pod(client, "backend-bbb-x2", false);
        for (String pod : new String[] {"backend-bbb-x1", "backend-bbb-x2"}) {
            server.expect().get().withPath("/api/v1/namespaces/after-sales-prod/pods/" + pod + "/log?pretty=false&tailLines=200")
                    .andReturn(200, "line from " + pod + "\n").once();
        }

        ActionResult result = executor.execute(spec("logs", "backend", Map.of()), RunAs.bot());

        assertThat(result.body().lines().toList()).containsExactlyInAnyOrder(
                "[backend-bbb-x1] line from backend-bbb-x1", "[backend-bbb-x2] line from backend-bbb-x2");
        assertThat(result.summary()).startsWith("logs of deployment backend (2 pods) in after-sales-prod");
    }

    @Test
    void badLogParametersAreRefused() {
        for (var params : List.of(Map.of("since", "yesterday"), Map.of("since", "40d"), Map.of("tail", "0"),
                Map.of("tail", "x"), Map.of("previous", "yes"), Map.of("container", "Bad Name"))) {
            assertThatThrownBy(() -> executor.execute(spec("logs", "backend", params), RunAs.bot()))
                    .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        }
        assertThat(Logs.seconds("2h30m")).isEqualTo(9000);
        assertThat(Logs.seconds("90s")).isEqualTo(90);
    }

    @Test
    void rolloutStatusFollowsTheKubectlConditions() {
        var status = executor.execute(spec("rollout-status", "backend", Map.of()), RunAs.bot());
        assertThat(status.summary()).isEqualTo("backend successfully rolled out");

        client.apps().deployments().inNamespace(NS).withName("backend").editStatus(d -> {
            d.getStatus().setAvailableReplicas(2);
            return d;
        });
        assertThat(executor.progress(spec("rollout-status", "backend", Map.of()), RunAs.bot()).orElseThrow().summary())
                .isEqualTo("backend: 2 of 3 updated replicas available");

        client.apps().deployments().inNamespace(NS).withName("backend").editStatus(d -> {
            d.getStatus().setConditions(List.of(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                    .withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet \"backend-ccc\" has timed out progressing.").build()));
            return d;
        });
        Progress failed = executor.progress(spec("restart", "backend", Map.of()), RunAs.bot()).orElseThrow();
        assertThat(failed.state()).isEqualTo(Progress.State.FAILED);
        assertThat(failed.summary()).contains("progress deadline exceeded");
    }

    @Test
    void aRolloutThatTakesTooLongFails() {
        var clock = new MutableClock();
        var slow = executor(clock);
        var spec = spec("scale", "backend", Map.of("replicas", "4"));
        slow.execute(spec, OPERATOR);
        assertThat(slow.progress(spec, OPERATOR).orElseThrow().state()).isEqualTo(Progress.State.IN_PROGRESS);
        clock.advance(Duration.ofMinutes(11));
        Progress p = slow.progress(spec, OPERATOR).orElseThrow();
        assertThat(p.state()).isEqualTo(Progress.State.FAILED);
        assertThat(p.summary()).startsWith("rollout of backend did not complete within 10m");
    }

    @Test
    void rolloutHistoryListsRevisionsWithImagesAndCauses() {
        ActionResult history = executor.execute(spec("rollout-history", "backend", Map.of()), RunAs.bot());
        assertThat(history.summary()).isEqualTo("backend in after-sales-prod: 2 revisions, current 2");
        assertThat(history.body()).isEqualTo("""
                REVISION  IMAGES  CHANGE-CAUSE
                2 (current)  backend=reg/backend:1.8.3  release 1.8.3
                1  backend=reg/backend:1.8.2  release 1.8.2
                """);
    }

    @Test
    void cronJobsShowScheduleLastRunsAndJobs() {
        client.batch().v1().cronjobs().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder()
                .withNewMetadata().withName("pg-backup").endMetadata()
                .withNewSpec().withSchedule("0 2 * * *").withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName("dump").withImage("postgres:16").endContainer().endSpec().endTemplate().endSpec()
                .endJobTemplate().endSpec().build()).create();
        client.batch().v1().cronjobs().inNamespace(NS).withName("pg-backup").editStatus(c -> {
            c.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder()
                    .withLastScheduleTime("2026-01-11T18:00:00Z").withLastSuccessfulTime("2026-01-11T18:07:00Z").build());
            return c;
        });
        client.batch().v1().jobs().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
                .withNewMetadata().withName("pg-backup-29468160").withCreationTimestamp("2026-01-11T18:00:00Z")
                .addNewOwnerReference().withKind("CronJob").withName("pg-backup").withApiVersion("batch/v1").withUid("u1").endOwnerReference()
                .endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("dump").withImage("postgres:16").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
        client.batch().v1().jobs().inNamespace(NS).withName("pg-backup-29468160").editStatus(j -> {
            j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().withStartTime("2026-01-11T18:00:02Z")
                    .withCompletionTime("2026-01-11T18:07:00Z").withSucceeded(1)
                    .addNewCondition().withType("Complete").withStatus("True").endCondition().build());
            return j;
        });

        ActionResult all = executor.execute(new ActionSpec("kubernetes", "cronjobs", "", NS, "", Map.of()), RunAs.bot());

        assertThat(all.summary()).isEqualTo("1 CronJob in after-sales-prod");
        assertThat(all.lines()).singleElement().satisfies(l -> {
            assertThat(l.label()).isEqualTo("pg-backup");
            assertThat(l.value()).contains("schedule 0 2 * * *", "last success 14h ago", "latest job: Complete");
        });
        assertThat(all.body()).contains("pg-backup-29468160  Complete  started 14h ago (2026-01-11T18:00:02Z), took 6m");
        assertThatThrownBy(() -> executor.execute(new ActionSpec("kubernetes", "cronjobs", "", NS, "nightly", Map.of()), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void operationsAreTheCatalogsContract() {
        assertThat(executor.name()).isEqualTo("kubernetes");
        assertThat(executor.operations()).containsExactlyInAnyOrder("pods", "logs", "rollout-status", "rollout-history", "cronjobs",
                "restart", "undo", "scale", "set-image", "delete-pod");
    }

    static final class MutableClock extends Clock {
        private java.time.Instant now = Fixtures.NOW;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void podsWithoutADeploymentListTheWholeNamespaceWithFactsPerPod() {
        Fixtures.pod(client, "backend-1", false);
        Fixtures.pod(client, "backend-2", true);
        Fixtures.pod(client, "redis-0", false);

        ActionResult result = executor.execute(spec("pods", "", Map.of()), RunAs.bot());

        assertThat(result.summary()).isEqualTo("after-sales-prod: 2/3 pods ready, 1 need attention");
        assertThat(result.lines().get(0).value()).isEqualTo("after-sales-prod");
        assertThat(result.facts()).containsEntry("pods", "3")
                .containsEntry("pod.backend-2.status", "CrashLoopBackOff").containsEntry("pod.backend-2.ready", "0/1")
                .containsEntry("pod.backend-2.restarts", "7").containsEntry("pod.backend-2.phase", "Running")
                .containsEntry("pod.redis-0.status", "Running").containsEntry("pod.redis-0.ready", "1/1")
                .containsEntry("pod.redis-0.restarts", "0");
        assertThatThrownBy(() -> executor.execute(spec("pods", "Bad_Name", Map.of()), RunAs.bot()))
                .hasMessageContaining("'Bad_Name' is not a valid deployment name");
    }

    @Test
    void cronJobFactsSayWhenEachLastSucceeded() {
        client.batch().v1().cronjobs().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder()
                .withNewMetadata().withName("pg-backup").withNamespace(NS).endMetadata()
                .withNewSpec().withSchedule("0 2 * * *").withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName("dump").withImage("postgres:16").endContainer().endSpec().endTemplate().endSpec()
                .endJobTemplate().endSpec().build()).create();
        client.batch().v1().cronjobs().inNamespace(NS).withName("pg-backup").editStatus(c -> {
            c.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder()
                    .withLastScheduleTime("2026-01-12T02:00:00Z").withLastSuccessfulTime("2026-01-12T02:07:00Z").build());
            return c;
        });

        ActionResult result = executor.execute(spec("cronjobs", "", Map.of()), RunAs.bot());

        assertThat(result.facts()).containsEntry("cronjobs", "1")
                .containsEntry("cronjob.pg-backup.last-success", "2026-01-12T02:07:00Z")
                .containsEntry("cronjob.pg-backup.last-schedule", "2026-01-12T02:00:00Z")
                .containsEntry("cronjob.pg-backup.latest-job", "no jobs").containsEntry("cronjob.pg-backup.suspended", "false");
    }
}
