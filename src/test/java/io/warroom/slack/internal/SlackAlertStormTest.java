package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.support.AlertPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A storm into one Slack channel (a fake that enforces Slack's per-channel rate and method tiers): every
 * alert is stored, the channel gets one digest instead of a root per group, Slack never answers 429, and a
 * critical group arriving mid-storm gets its own root at once, ahead of the routine edits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-storm;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN, "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.delivery.poll-interval=50ms", "warroom.alerts.token=" + AlertPayloads.TOKEN,
        "warroom.alerts.routing=classpath:test-alerts/storm-routing.yaml"})
class SlackAlertStormTest {

    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofSeconds(1));
    static final int GROUPS = 80;
    static final int ALERTS_PER_GROUP = 25;

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    private int send(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts/alertmanager"))
                .header("Authorization", "Bearer " + AlertPayloads.TOKEN).POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String group(int g, String severity) {
        var p = AlertPayloads.group("NodeNotReady", "service", "svc-" + g, "namespace", "ns-" + (g % 7))
                .common("severity", severity).annotation("summary", "node not ready");
        Instant start = Instant.now().minusSeconds(30);
        for (int a = 0; a < ALERTS_PER_GROUP; a++) {
            p.firing(String.format("%04x%04x", g, a), "node-" + g + "-" + a, start);
        }
        return p.json();
    }

    @Test
    void aStormIsOneDigestLosesNothingDrawsNo429AndLetsACriticalThrough() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String json = group(g, "warning");
            answers.add(pool.submit(() -> send(json)));
        }
        for (var a : answers) {
            assertThat(a.get()).isEqualTo(200);
        }
        // Mid-storm: a critical group. Its root must not wait behind the digest's routine edits. (Not a ServiceDown:
        // the playbook would also declare a P0 for it, and its incident card is one more root in the channel.)
        long sent = System.nanoTime();
        assertThat(send(AlertPayloads.group("DiskFull", "service", "checkout").common("severity", "critical")
                .firing("c0ffee", "checkout-0", Instant.now()).json())).isEqualTo(200);
        var critical = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> FAKE.posted("CSTORM")
                .stream().filter(p -> p.threadTs() == null && p.blocks() != null && p.blocks().toString().contains("DiskFull"))
                .findFirst().orElse(null), p -> p != null);
        Duration toChat = Duration.ofNanos(System.nanoTime() - sent);
        pool.shutdown();

        assertThat(jdbc.sql("select count(*) from alert").query(Long.class).single())
                .as("every alert stored").isEqualTo(GROUPS * ALERTS_PER_GROUP + 1L);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from outbox where state in ('PENDING', 'SENDING')").query(Long.class).single() == 0);
        var roots = FAKE.posted("CSTORM").stream().filter(p -> p.threadTs() == null).toList();
        long digests = roots.stream().filter(p -> p.blocks().toString().contains("Alert storm")).count();
        assertThat(digests).as("one digest for the channel").isEqualTo(1);
        assertThat(roots.size()).as("roots: the groups before the storm, the digest, the critical one")
                .isLessThanOrEqualTo(10 + 1 + 1);
        var digest = roots.stream().filter(p -> p.blocks().toString().contains("Alert storm")).findFirst().orElseThrow();
        assertThat(digest.blocks().toString()).contains("Alert storm: " + ((GROUPS - 10) * ALERTS_PER_GROUP) + " alerts firing");
        assertThat(FAKE.throttledTotal()).as("answers of 429 from Slack: %s", FAKE.throttledAll()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox where state = 'FAILED'").query(Long.class).single()).isZero();
        assertThat(critical.blocks().toString()).contains("CRITICAL");
        // Generous bound for a shared CI machine: it only has to prove the critical root did not queue behind
        // routine traffic (that would take tens of seconds here); docs/benchmarks.md measures the p99.
        assertThat(toChat).isLessThan(Duration.ofSeconds(5));
    }
}
