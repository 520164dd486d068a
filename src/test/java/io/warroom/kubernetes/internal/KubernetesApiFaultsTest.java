package io.warroom.kubernetes.internal;

import static io.warroom.kubernetes.internal.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionSpec;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes API failing while an approved change is sent: each failure is a clear reason and message
 * for the card, the thread and the timeline, and the change is sent exactly once (never retried, since it
 * may have reached the cluster).
 */
class KubernetesApiFaultsTest {

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
        // As configured against a real cluster: a short request timeout, the client's default retries left on
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.client().getConfiguration())
                .withRequestTimeout(1000).build()).build();
        executor = new KubernetesExecutor(new ClusterConnection(client, false, "", List.of(NS), null), Duration.ofMinutes(10),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        Fixtures.backend(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
        cluster.close();
    }

    ActionSpec approvedScale() {
        var spec = new ActionSpec("kubernetes", "scale", "", NS, "backend", Map.of("replicas", "5"));
        return spec.expecting(executor.preview(spec, OPERATOR).expected());
    }

    long changesSent() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            all.add(r);
        }
        return all.stream().filter(x -> x.getMethod().equals("PATCH") && !x.getPath().contains("dryRun")).count();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "403|FORBIDDEN|Kubernetes refused scaling backend in after-sales-prod for impersonating warroom-operator (groups sre): "
                    + "deployments.apps is forbidden",
            "404|NOT_FOUND|Not found while scaling backend in after-sales-prod: deployments.apps is forbidden",
            "409|CHANGED|Deployment backend in after-sales-prod changed since it was approved: it changed while the change was being applied.",
            "500|FAILED|scaling backend in after-sales-prod failed: HTTP 500: deployments.apps is forbidden",
            "503|UNREACHABLE|The Kubernetes API is unavailable (HTTP 503) while scaling backend in after-sales-prod"})
    void anApiErrorIsAClearResultAndTheChangeIsNotRetried(int code, Reason reason, String message) throws Exception {
        var approved = approvedScale();
        changesSent();
        server.expect().patch().withPath(PATH).andReturn(code, new StatusBuilder().withCode(code)
                .withMessage("deployments.apps is forbidden").build()).always();

        assertThatThrownBy(() -> executor.execute(approved, OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(English.of(e.text())).startsWith(message);
                });
        assertThat(changesSent()).as("sent once, never retried").isEqualTo(1);
    }

    @Test
    void aTimeoutIsUnreachableAndNotRetried() throws Exception {
        var approved = approvedScale();
        changesSent();
        server.expect().patch().delay(3, TimeUnit.SECONDS).withPath(PATH)
                .andReturn(200, client.apps().deployments().inNamespace(NS).withName("backend").get()).always();

        assertThatThrownBy(() -> executor.execute(approved, OPERATOR))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(English.of(e.text())).isEqualTo("The Kubernetes API is unreachable while scaling backend in after-sales-prod");
                });
        Thread.sleep(3500);
        assertThat(changesSent()).isEqualTo(1);
    }

    @Test
    void aReadMayBeRetriedByTheClientAfterA5xx() throws Exception {
        server.expect().get().withPath(PATH).andReturn(503, new StatusBuilder().withCode(503).build()).once();
        var result = executor.execute(new ActionSpec("kubernetes", "rollout-status", "", NS, "backend", Map.of()), RunAs.bot());
        assertThat(English.of(result.summary())).isEqualTo("backend: all replicas updated and available");
    }
}
