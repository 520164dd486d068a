package io.warroom.kubernetes.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.action.ActionSpec;
import io.warroom.action.Progress;
import io.warroom.action.RunAs;
import io.warroom.kubernetes.internal.ClusterConnection;
import io.warroom.kubernetes.internal.KubernetesExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.warroom.support.English;
import org.junit.jupiter.api.Test;

class SandboxClusterTest {

    static final String NS = "after-sales-prod";
    static final RunAs OPERATOR = new RunAs("warroom-operator", List.of("sre"));
    static SandboxCluster sandbox;
    static KubernetesExecutor executor;

    @BeforeAll
    static void start() {
        sandbox = SandboxCluster.start(Clock.systemUTC(), Duration.ofMillis(100), Duration.ofMillis(400));
        executor = new KubernetesExecutor(new ClusterConnection(sandbox.client(), true, "sandbox", SandboxCluster.NAMESPACES, null),
                Duration.ofMinutes(10), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static ActionSpec spec(String ns, String operation, String target, Map<String, String> params) {
        return new ActionSpec("kubernetes", operation, "", ns, target, params);
    }

    @Test
    void podsOfBackendAnswerFromTheSeededSandbox() {
        var result = executor.execute(spec(NS, "pods", "backend", Map.of()), RunAs.bot());
        assertThat(result.sandbox()).isTrue();
        assertThat(English.of(result.summary())).startsWith("backend in after-sales-prod: ").endsWith("(sandbox)");
        assertThat(result.body().lines().filter(l -> l.startsWith("backend-"))).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(l -> assertThat(l).contains("Running"));
    }

    @Test
    void agentHasACrashLoopingPodAfterAnOomKill() {
        var result = executor.execute(spec(NS, "pods", "agent", Map.of()), RunAs.bot());
        assertThat(result.body()).contains("CrashLoopBackOff", "last terminated: OOMKilled (exit 137)");
        String crashing = result.body().lines().filter(l -> l.contains("CrashLoopBackOff")).findFirst().orElseThrow().split("\\s+")[0];
        var previous = executor.execute(spec(NS, "logs", crashing, Map.of("previous", "true")), RunAs.bot());
        assertThat(previous.body()).contains("java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void logsHonourSinceTailAndGrep() {
        var errors = executor.execute(spec("gateway", "logs", "gateway", Map.of("since", "3h", "grep", "ERROR")), RunAs.bot());
        assertThat(errors.sandbox()).isTrue();
        assertThat(errors.body().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("ERROR"));
        var tail = executor.execute(spec("gateway", "logs", "gateway", Map.of("tail", "3")), RunAs.bot());
        assertThat(tail.body().lines().count()).isEqualTo(6); // 3 lines from each of the 2 pods
        assertThat(tail.body()).contains("trace_id=");
    }

    @Test
    void scaleChangesReplicasAndItsRolloutCompletes() {
        var spec = spec("gateway", "scale", "worker", Map.of("replicas", "4"));
        var preview = executor.preview(spec, OPERATOR);
        assertThat(preview.sandbox()).isTrue();
        assertThat(English.of(preview.dryRun())).isEqualTo("Accepted by the API server as impersonating warroom-operator (groups sre)");
        assertThat(preview.change()).singleElement().satisfies(l -> assertThat(English.of(l.value())).isEqualTo("2 → 4"));
        assertThat(sandbox.client().apps().deployments().inNamespace("gateway").withName("worker").get().getSpec().getReplicas()).isEqualTo(2);

        var result = executor.execute(spec, OPERATOR);
        assertThat(result.sandbox()).isTrue();
        assertThat(result.followable()).isTrue();
        assertThat(English.of(result.summary())).isEqualTo("Scaled worker in gateway: replicas 2 → 4 (sandbox)");
        assertThat(executor.progress(spec, OPERATOR).orElseThrow().state()).isEqualTo(Progress.State.IN_PROGRESS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(executor.progress(spec, OPERATOR).orElseThrow().state()).isEqualTo(Progress.State.COMPLETE));
        var pods = executor.execute(spec("gateway", "pods", "worker", Map.of()), RunAs.bot());
        assertThat(English.of(pods.summary())).startsWith("worker in gateway: 4/4 pods ready");
    }

    @Test
    void rollbackReturnsToRevisionOneAndBecomesRevisionThree() {
        var spec = spec(NS, "undo", "backend", Map.of());
        assertThat(executor.preview(spec, OPERATOR).change()).singleElement().satisfies(l ->
                assertThat(English.of(l.value())).isEqualTo("to revision 1 (image backend=registry.after-sales.example/after-sales/backend:1.8.2)"));
        executor.execute(spec, OPERATOR);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(executor.progress(spec, OPERATOR).orElseThrow().state()).isEqualTo(Progress.State.COMPLETE));
        var history = executor.execute(spec(NS, "rollout-history", "backend", Map.of()), RunAs.bot());
        assertThat(history.body()).contains("3 (current)  backend=registry.after-sales.example/after-sales/backend:1.8.2");
        var pods = executor.execute(spec(NS, "pods", "backend", Map.of()), RunAs.bot());
        assertThat(pods.lines()).anySatisfy(l -> assertThat(English.of(l.value())).isEqualTo("backend=registry.after-sales.example/after-sales/backend:1.8.2"));
    }

    @Test
    void deletedRedisComesBackAndBackupStatusShowsTheLastJobs() {
        var delete = executor.execute(spec(NS, "delete-pod", "redis-0", Map.of()), OPERATOR);
        assertThat(English.of(delete.summary())).contains("recreated by its StatefulSet redis").endsWith("(sandbox)");
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.client().pods().inNamespace(NS).withName("redis-0").get() != null);

        var backups = executor.execute(spec(NS, "cronjobs", "", Map.of()), RunAs.bot());
        assertThat(English.of(backups.summary())).isEqualTo("CronJobs in after-sales-prod: 1 (sandbox)");
        assertThat(backups.lines()).singleElement().satisfies(l -> assertThat(English.of(l.value())).contains("schedule 0 2 * * *", "latest job: Complete"));
        assertThat(backups.body()).contains("Failed (BackoffLimitExceeded)");
    }
}
