package io.warroom.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import io.warroom.support.English;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admin requests bound to the state the approver saw (an ETag, or the state's content when the service
 * sends none), and admin requests that fail: refused or failed clearly, and never sent twice.
 */
class AdminStateTest {

    MockWebServer server;
    HttpExecutor executor;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        var properties = new HttpProperties(Map.of("gateway", new HttpProperties.Service(server.url("/api").toString(), "t0ken",
                Map.of(), Duration.ofMillis(1500))), null, null);
        executor = new HttpExecutor(new HttpTargets(properties, () -> 0), HttpConfiguration.client(), new ObjectMapper());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    static ActionSpec revoke() {
        return new ActionSpec("http", "request", "", "", "gateway", Map.of("method", "POST", "path", "/admin/apikeys/k1/revoke",
                "state", "/admin/apikeys/k1", "body", "{\"reason\":\"leak\"}"));
    }

    ActionSpec approvedWithEtag() throws Exception {
        server.enqueue(new MockResponse().setHeader("ETag", "\"v1\"").setBody("{\"id\":\"k1\",\"status\":\"active\"}"));
        var preview = executor.preview(revoke(), RunAs.bot());
        assertThat(preview.current()).anySatisfy(l -> assertThat(English.of(l.value())).isEqualTo("{\"id\":\"k1\",\"status\":\"active\"}"));
        assertThat(English.of(preview.dryRun())).contains("If-Match");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/admin/apikeys/k1");
        return revoke().expecting(preview.expected());
    }

    @Test
    void theChangeIsSentWithIfMatchAndAStateThatMovedIsRefusedByTheService() throws Exception {
        var approved = approvedWithEtag();
        assertThat(approved.expected()).containsEntry("state.etag", "\"v1\"");

        server.enqueue(new MockResponse().setBody("{\"status\":\"revoked\"}"));
        executor.execute(approved, RunAs.bot());
        assertThat(server.takeRequest().getHeader("If-Match")).isEqualTo("\"v1\"");

        server.enqueue(new MockResponse().setResponseCode(412).setBody("{\"error\":\"etag mismatch\"}"));
        assertThatThrownBy(() -> executor.execute(approved, RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHANGED);
                    assertThat(English.of(e.text())).isEqualTo("gateway changed since it was approved (/admin/apikeys/k1 answers "
                            + "differently now). Nothing was sent; ask again.");
                });
    }

    @Test
    void withoutAnEtagTheStateIsReadAgainAndAChangeIsNotSent() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"id\":\"k1\",\"status\":\"active\"}"));
        var approved = revoke().expecting(executor.preview(revoke(), RunAs.bot()).expected());
        assertThat(approved.expected()).containsKey("state.sha256");
        server.takeRequest();

        server.enqueue(new MockResponse().setBody("{\"id\":\"k1\",\"status\":\"revoked\"}"));
        assertThatThrownBy(() -> executor.execute(approved, RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHANGED));
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        assertThat(server.takeRequest(200, TimeUnit.MILLISECONDS)).as("the POST was never sent").isNull();

        server.enqueue(new MockResponse().setBody("{\"id\":\"k1\",\"status\":\"active\"}"));
        server.enqueue(new MockResponse().setBody("{\"status\":\"revoked\"}"));
        executor.execute(approved, RunAs.bot());
        server.takeRequest();
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    }

    @Test
    void aStateThatCannotBeReadMeansNothingIsRequested() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"no such key\"}"));
        assertThatThrownBy(() -> executor.preview(revoke(), RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void aFailedChangeIsNotRetried() throws Exception {
        var approved = approvedWithEtag();
        server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":\"database is down\"}"));
        server.enqueue(new MockResponse().setBody("{\"status\":\"revoked\"}"));
        assertThatThrownBy(() -> executor.execute(approved, RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FAILED);
                    assertThat(English.of(e.text())).isEqualTo("gateway answered 500 Server Error to POST gateway /admin/apikeys/k1/revoke: "
                            + "{\"error\":\"database is down\"}");
                });
        assertThat(server.getRequestCount()).as("preview's read and one POST").isEqualTo(2);
    }

    @Test
    void aDroppedConnectionIsUnreachableAndNotRetried() throws Exception {
        var approved = approvedWithEtag();
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        // A retry would get this answer and succeed.
        server.enqueue(new MockResponse().setBody("{\"status\":\"revoked\"}"));
        assertThatThrownBy(() -> executor.execute(approved, RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTimeoutIsUnreachableAndNotRetried() throws Exception {
        var approved = approvedWithEtag();
        server.enqueue(new MockResponse().setHeadersDelay(4, TimeUnit.SECONDS).setBody("{}"));
        server.enqueue(new MockResponse().setBody("{\"status\":\"revoked\"}"));
        assertThatThrownBy(() -> executor.execute(approved, RunAs.bot()))
                .isInstanceOfSatisfying(ActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(English.of(e.text())).isEqualTo("gateway did not answer within 1500 ms (POST /admin/apikeys/k1/revoke)");
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
