package io.warroom.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpExecutorTest {

    static final String TOKEN = "gw-admin-7f3c9a1e5b2d4c6e8a0f";

    MockWebServer server;
    HttpExecutor executor;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        String base = server.url("/api/v1").toString();
        var properties = new HttpProperties(Map.of(
                "gateway", new HttpProperties.Service(base, TOKEN, Map.of("X-Team", "sre"), Duration.ofMillis(500))),
                new HttpProperties.Prometheus(server.url("/prom").toString(), null, null), null);
        executor = new HttpExecutor(new HttpTargets(properties, () -> 0), HttpConfiguration.client(), new ObjectMapper());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    static ActionSpec request(String method, String path, String body) {
        var params = new java.util.HashMap<String, String>(Map.of("method", method, "path", path));
        if (body != null) {
            params.put("body", body);
        }
        return new ActionSpec("http", "request", "", "", "gateway", params);
    }

    @Test
    void aRequestCarriesMethodPathTokenHeadersAndBody() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"id\":\"k-42\",\"status\":\"revoked\"}"));

        var result = executor.execute(request("POST", "/admin/api-keys/k-42/revoke", "{\"reason\":\"Abuse detected\"}"),
                new RunAs("ignored", java.util.List.of()));

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/api/v1/admin/api-keys/k-42/revoke");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeader("X-Team")).isEqualTo("sre");
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"reason\":\"Abuse detected\"}");
        assertThat(result.summary()).matches("POST gateway /admin/api-keys/k-42/revoke → 200 OK in \\d+ ms");
        assertThat(result.body()).isEqualTo("{\"id\":\"k-42\",\"status\":\"revoked\"}");
        assertThat(result.sandbox()).isFalse();
    }

    @Test
    void thePreviewShowsMethodUrlAndBodyAndSendsNothing() {
        var preview = executor.preview(request("POST", "/admin/ip-blocks", "{\"ip\":\"1.2.3.4\",\"ttl\":\"24h\"}"), RunAs.bot());
        assertThat(preview.change()).extracting(l -> l.label() + ": " + l.value()).containsExactly(
                "request: POST " + server.url("/api/v1").toString() + "/admin/ip-blocks",
                "body: {\"ip\":\"1.2.3.4\",\"ttl\":\"24h\"}");
        assertThat(preview.dryRun()).startsWith("no dry run");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void clientErrorsMapToReasons() {
        Map<Integer, Reason> expected = Map.of(400, Reason.INVALID, 401, Reason.FORBIDDEN, 403, Reason.FORBIDDEN,
                404, Reason.NOT_FOUND, 409, Reason.CONFLICT, 422, Reason.INVALID);
        expected.forEach((code, reason) -> {
            server.enqueue(new MockResponse().setResponseCode(code).setBody("{\"detail\":\"nope " + code + "\"}"));
            assertThatThrownBy(() -> executor.execute(request("POST", "/admin/ip-blocks", "{}"), RunAs.bot()))
                    .isInstanceOfSatisfying(ActionException.class, e -> {
                        assertThat(e.reason()).as("HTTP %s", code).isEqualTo(reason);
                        assertThat(e.getMessage()).startsWith("gateway answered " + code).contains("nope " + code);
                    });
        });
    }

    @Test
    void serverErrorsRedirectsAndTimeoutsMapToReasons() {
        server.enqueue(new MockResponse().setResponseCode(503));
        assertThatThrownBy(() -> executor.execute(request("GET", "/admin/state", null), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
        server.enqueue(new MockResponse().setResponseCode(500).setBody("boom"));
        assertThatThrownBy(() -> executor.execute(request("GET", "/admin/state", null), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "http://elsewhere.example/"));
        assertThatThrownBy(() -> executor.execute(request("GET", "/admin/state", null), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
        server.enqueue(new MockResponse().setHeadersDelay(3, TimeUnit.SECONDS).setBody("late"));
        assertThatThrownBy(() -> executor.execute(request("GET", "/admin/state", null), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("gateway did not answer within 500 ms (GET /admin/state)");
                });
    }

    @Test
    void anUnreachableServiceIsUnreachable() throws Exception {
        server.shutdown();
        assertThatThrownBy(() -> executor.execute(request("GET", "/admin/state", null), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }

    @Test
    void theTokenNeverAppearsInMessagesOrResults() {
        server.enqueue(new MockResponse().setResponseCode(403)
                .setBody("{\"error\":\"token " + TOKEN + " lacks scope admin\",\"api_key\":\"sk-live-123\"}"));
        assertThatThrownBy(() -> executor.execute(request("POST", "/admin/ip-blocks", "{}"), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("sk-live-123").contains("token *** lacks scope");
                });
        server.enqueue(new MockResponse().setBody("{\"echo\":\"Authorization: Bearer " + TOKEN + "\"}"));
        var ok = executor.execute(request("GET", "/admin/state", null), RunAs.bot());
        assertThat(ok.body() + ok.summary() + ok.lines()).doesNotContain(TOKEN);
        assertThat(new HttpProperties.Service("http://x", TOKEN, null, null).toString()).doesNotContain(TOKEN);
    }

    @Test
    void badRequestsAreRefusedBeforeSending() {
        for (var spec : java.util.List.of(request("TRACE", "/x", null), request("GET", "http://evil.example/x", null),
                request("GET", "//evil.example/x", null), request("GET", "/a/../../etc", null), request("POST", "/x", "not json"),
                request("GET", "/x", "{\"a\":1}"), new ActionSpec("http", "request", "", "", "payments", Map.of("path", "/x")))) {
            assertThatThrownBy(() -> executor.execute(spec, RunAs.bot()))
                    .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void probeReportsStatusAndLatencyOrFails() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"status\":\"ok\"}"));
        var ok = executor.execute(new ActionSpec("http", "probe", "", "", "gateway", Map.of()), RunAs.bot());
        assertThat(ok.summary()).matches("gateway is healthy: GET /health → 200 OK in \\d+ ms");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/health");

        server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"status\":\"redis down\"}"));
        assertThatThrownBy(() -> executor.execute(new ActionSpec("http", "probe", "", "", "gateway", Map.of("path", "/ready")), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("gateway is unhealthy: GET /ready answered 503").contains("redis down");
                });
    }

    @Test
    void prometheusQueriesBecomeLabelledValues() throws Exception {
        server.enqueue(new MockResponse().setBody("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"service":"backend"},"value":[1736672400.0,"0.000421337"]}]}}"""));
        server.enqueue(new MockResponse().setBody("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"pod":"backend-1"},"value":[1736672400.0,"0.18234"]},
                  {"metric":{"pod":"backend-2"},"value":[1736672400.0,"1234.5678"]}]}}"""));
        var result = executor.execute(new ActionSpec("http", "prometheus", "", "", "backend", Map.of(
                "query.error-rate", "sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))",
                "query.p95", "histogram_quantile(0.95, sum by (le, pod) (rate(http_request_duration_seconds_bucket[5m])))")), RunAs.bot());

        assertThat(result.lines()).extracting(l -> l.label() + " → " + l.value()).containsExactly(
                "error-rate → 0.0004213", "p95{pod=\"backend-1\"} → 0.1823", "p95{pod=\"backend-2\"} → 1235");
        assertThat(result.summary()).isEqualTo("Prometheus for backend: 3 values");
        var first = server.takeRequest();
        assertThat(first.getRequestUrl().encodedPath()).isEqualTo("/prom/api/v1/query");
        assertThat(first.getRequestUrl().queryParameter("query")).startsWith("sum(rate(http_requests_total{status=~\"5..\"}[5m]))");
    }

    @Test
    void aBadPromQlQueryIsInvalid() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody(
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected end of input\"}"));
        assertThatThrownBy(() -> executor.execute(new ActionSpec("http", "prometheus", "", "", "", Map.of("query.x", "sum(")), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage()).isEqualTo("Prometheus rejected query x: 1:5: parse error: unexpected end of input");
                });
        assertThatThrownBy(() -> executor.execute(new ActionSpec("http", "prometheus", "", "", "", Map.of()), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }

    @Test
    void prometheusAndProbeResultsCarryTheirValuesAsFacts() throws Exception {
        server.enqueue(new MockResponse().setBody("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"pod":"a"},"value":[1700000000,"0.123456789"]},
                  {"metric":{"pod":"b"},"value":[1700000000,"0.5"]}]}}"""));
        server.enqueue(new MockResponse().setBody("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        var result = executor.execute(new ActionSpec("http", "prometheus", "", "", "", Map.of(
                "query.cpu", "max by (pod) (x)", "query.errors", "sum(y)")), RunAs.bot());
        assertThat(result.facts()).containsEntry("value.cpu{pod=\"a\"}", "0.123456789")
                .containsEntry("value.cpu{pod=\"b\"}", "0.5").containsEntry("value.errors", "");

        server.enqueue(new MockResponse().setBody("{\"status\":\"UP\"}"));
        var probe = executor.execute(new ActionSpec("http", "probe", "", "", "gateway", Map.of("path", "/health")), RunAs.bot());
        assertThat(probe.facts()).containsEntry("status", "200").containsKey("latency-ms");
    }
}
