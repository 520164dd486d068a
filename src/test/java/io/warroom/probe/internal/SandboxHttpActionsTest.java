package io.warroom.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.action.ActionException;
import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import java.util.List;
import java.util.Map;
import io.warroom.support.English;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application with nothing configured: sandbox cluster and sandbox HTTP services answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:warroom-sandbox;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.delivery.paused=true", "warroom.kubernetes.mode=sandbox"})
class SandboxHttpActionsTest {

    @Autowired
    ActionExecutors executors;

    @Test
    void gatewayAdminActionsKeepStateAndSaySandbox() {
        var http = executors.get("http");
        var revoke = new ActionSpec("http", "request", "", "", "gateway",
                Map.of("method", "POST", "path", "/admin/apikeys/k-42/revoke", "body", "{\"reason\":\"Abuse detected\"}"));
        assertThat(http.preview(revoke, RunAs.bot()).sandbox()).isTrue();
        var result = http.execute(revoke, RunAs.bot());
        assertThat(result.sandbox()).isTrue();
        assertThat(English.of(result.summary())).startsWith("POST gateway /admin/apikeys/k-42/revoke → 200").endsWith("(sandbox)");
        assertThatThrownBy(() -> http.execute(revoke, RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.CONFLICT));

        http.execute(new ActionSpec("http", "request", "", "", "gateway",
                Map.of("method", "POST", "path", "/admin/ip-blocks", "body", "{\"ip\":\"1.2.3.4\",\"ttl\":\"24h\"}")), RunAs.bot());
        http.execute(new ActionSpec("http", "request", "", "", "gateway",
                Map.of("method", "POST", "path", "/admin/circuits/openai/open", "body", "{\"ttl\":\"5m\"}")), RunAs.bot());
        var state = http.execute(new ActionSpec("http", "request", "", "", "gateway",
                Map.of("method", "GET", "path", "/admin/state")), RunAs.bot());
        assertThat(state.body()).containsPattern("\"revokedKeys\":\\[[^]]*\"k-42\"").contains("\"blockedIps\":[\"1.2.3.4\"]", "\"openCircuits\":[\"openai\"]");
    }

    @Test
    void aKeyRevokedBySomeoneElseAfterTheCardWasShownIsNotRevokedAgain() {
        var http = executors.get("http");
        var revoke = new ActionSpec("http", "request", "", "", "gateway", Map.of("method", "POST",
                "path", "/admin/apikeys/k-77/revoke", "state", "/admin/apikeys/k-77", "body", "{\"reason\":\"leak\"}"));
        var first = revoke.expecting(http.preview(revoke, RunAs.bot()).expected());
        var second = revoke.expecting(http.preview(revoke, RunAs.bot()).expected());
        assertThat(first.expected()).containsKey("state.etag");

        http.execute(first, RunAs.bot());

        assertThatThrownBy(() -> http.execute(second, RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.CHANGED));
    }

    @Test
    void probesAndPrometheusAnswerFromTheSandbox() {
        var http = executors.get("http");
        assertThat(English.of(http.execute(new ActionSpec("http", "probe", "", "", "backend", Map.of()), RunAs.bot()).summary()))
                .startsWith("backend is healthy: GET /health → 200").endsWith("(sandbox)");
        var metrics = http.execute(new ActionSpec("http", "prometheus", "", "", "backend", Map.of(
                "query.p95", "histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))")), RunAs.bot());
        assertThat(metrics.sandbox()).isTrue();
        assertThat(metrics.lines()).singleElement().satisfies(l -> assertThat(Double.parseDouble(English.of(l.value()))).isBetween(0.1, 0.3));
    }

    @Test
    void theKubernetesExecutorIsTheSandbox() {
        var result = executors.get("kubernetes").execute(
                new ActionSpec("kubernetes", "pods", "", "after-sales-prod", "backend", Map.of()), RunAs.bot());
        assertThat(result.sandbox()).isTrue();
        assertThat(English.of(result.summary())).startsWith("backend in after-sales-prod: 3/3 pods ready");
        assertThatThrownBy(() -> executors.get("kubernetes").execute(
                new ActionSpec("kubernetes", "pods", "", "kube-system", "coredns", Map.of()), new RunAs("x", List.of())))
                .satisfies(e -> assertThat(English.of(((ActionException) e).text())).startsWith("Namespace kube-system is not allowed"));
    }
}
