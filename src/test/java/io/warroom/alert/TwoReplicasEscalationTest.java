package io.warroom.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.support.AlertPayloads;
import io.warroom.support.Replicas;
import io.warroom.support.TestGateways;
import io.warroom.timeline.Timeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas on one PostgreSQL, both running their task runners: every escalation step of a group runs
 * exactly once, and the chain goes on when the replica that started it stops and another one starts.
 */
class TwoReplicasEscalationTest {

    private final Replicas replicas = new Replicas("escalation");

    @AfterEach
    void stop() {
        replicas.stopAll();
    }

    private ConfigurableApplicationContext replica() {
        return replicas.start(List.of(TestGateways.class),
                "--warroom.schedule.poll-interval=100ms", "--warroom.delivery.paused=true", "--warroom.alerts.token=" + AlertPayloads.TOKEN, "--warroom.alerts.routing=classpath:test-alerts/fast-routing.yaml");
    }

    @Test
    void eachStepRunsOnceAcrossReplicasAndTheChainSurvivesARestart() throws Exception {
        var a = replica();
        var b = replica();
        String json = AlertPayloads.group("DatabaseDown", "service", "orders-db").common("severity", "critical")
                .firing("d1", "orders-db-0", Instant.now()).json();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + a.getEnvironment().getProperty("local.server.port") + "/alerts/alertmanager"))
                .header("Authorization", "Bearer " + AlertPayloads.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String stream = "alert:" + response.body().replaceAll(".*\"group\":\"(A\\d+)\".*", "$1");
        Timeline timeline = b.getBean(Timeline.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> escalations(timeline, stream) >= 1);
        replicas.stop(a);
        var c = replica();
        await().atMost(Duration.ofSeconds(30)).until(() -> escalations(timeline, stream) >= 3);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

        var steps = timeline.entries(stream).stream().filter(e -> e.kind().equals("alert.escalated"))
                .map(e -> e.details().replaceAll(".*\"step\":(\\d+).*", "$1")).toList();
        assertThat(steps).containsExactly("1", "2", "3");
        assertThat(timeline.verify(stream).intact()).isTrue();
        long mentions = c.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from outbox where channel = 'CFAST' and payload like '%Not acknowledged%'")
                .query(Long.class).single();
        assertThat(mentions).as("one chat mention per step").isEqualTo(3);
    }

    private static long escalations(Timeline timeline, String stream) {
        return timeline.entries(stream).stream().filter(e -> e.kind().equals("alert.escalated")).count();
    }
}
