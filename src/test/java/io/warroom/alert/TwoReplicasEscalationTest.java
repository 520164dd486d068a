package io.warroom.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.WarroomApplication;
import io.warroom.support.AlertPayloads;
import io.warroom.support.EmbeddedPostgresInitializer;
import io.warroom.support.TestGateways;
import io.warroom.timeline.Timeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas on one PostgreSQL, both running their task runners: every escalation step of a group runs
 * exactly once, and the chain goes on when the replica that started it stops and another one starts.
 */
class TwoReplicasEscalationTest {

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext replica(String url) {
        var ctx = new SpringApplicationBuilder(WarroomApplication.class, TestGateways.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0", "--warroom.schedule.poll-interval=100ms",
                        "--warroom.delivery.paused=true", "--warroom.alerts.token=" + AlertPayloads.TOKEN,
                        "--warroom.alerts.routing=classpath:test-alerts/fast-routing.yaml",
                        "--warroom.catalog.location=classpath:test-catalog/*.yaml");
        replicas.add(ctx);
        return ctx;
    }

    @Test
    void eachStepRunsOnceAcrossReplicasAndTheChainSurvivesARestart() throws Exception {
        String url = EmbeddedPostgresInitializer.newDatabaseUrl("escalation_" + Long.toHexString(System.nanoTime()));
        var a = replica(url);
        var b = replica(url);
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
        a.close();
        replicas.remove(a);
        var c = replica(url);
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
