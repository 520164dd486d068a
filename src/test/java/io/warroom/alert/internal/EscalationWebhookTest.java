package io.warroom.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.schedule.internal.RunTasksForTests;
import io.warroom.support.AlertPayloads;
import io.warroom.support.ControllableClock;
import io.warroom.support.H2Test;
import io.warroom.support.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The runbook's "phone + SMS within 5 minutes" hook: an escalation step with a webhook calls a local HTTP
 * server (standing in for an SMS or voice gateway) with the bearer token, the alert and the people's phone
 * numbers; a gateway that fails is retried by itself, without repeating the chat mention.
 */
@H2Test
@Import(ControllableClock.class)
@TestPropertySource(properties =
        "spring.datasource.url=jdbc:h2:mem:escalation-webhook;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class EscalationWebhookTest {

    static final MockWebServer GATEWAY = new MockWebServer();
    static final String TOKEN = "sms-gateway-token-0123456789";

    @DynamicPropertySource
    static void routing(DynamicPropertyRegistry registry) throws IOException {
        GATEWAY.start();
        Path dir = Files.createTempDirectory("warroom-routing-");
        Path tokenFile = dir.resolve("sms-token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, """
                default:
                  to: [slack:CPHONE]
                deadlines: {critical: 5m}
                escalations:
                  default:
                    steps:
                      - {notify: [tech-lead], webhook: phone}
                webhooks:
                  phone:
                    url: %s
                    tokenFile: %s
                """.formatted(GATEWAY.url("/warroom").toString(), tokenFile));
        registry.add("warroom.alerts.routing", () -> "file:" + file);
    }

    @AfterAll
    static void stop() throws IOException {
        GATEWAY.shutdown();
    }

    @Autowired MutableClock clock;
    @Autowired AlertIntake intake;
    @Autowired RunTasksForTests tasks;
    @Autowired JdbcClient jdbc;

    @Test
    void aCriticalGroupNobodyAcksCallsTheGatewayWithThePeopleToPhoneAndRetriesAFailure() throws Exception {
        clock.set(Instant.parse("2026-11-30T02:00:00Z"));
        String json = AlertPayloads.group("DatabaseDown", "service", "orders-db").common("severity", "critical")
                .annotation("summary", "primary unreachable").firing("db1", "orders-db-0", clock.instant()).json();
        String group = intake.receive(PayloadDecoder.decode("alertmanager", json.getBytes(StandardCharsets.UTF_8))).groupId();

        GATEWAY.enqueue(new MockResponse().setResponseCode(503));
        GATEWAY.enqueue(new MockResponse().setResponseCode(202));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        tasks.runDue();
        RecordedRequest first = GATEWAY.takeRequest(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        String key = first.getHeader("Idempotency-Key");
        assertThat(key).startsWith("alert.webhook:");
        JsonNode body = new ObjectMapper().readTree(first.getBody().readUtf8());
        assertThat(body.path("group").path("id").asText()).isEqualTo(group);
        assertThat(body.path("group").path("severity").asText()).isEqualTo("critical");
        assertThat(body.path("group").path("summary").asText()).isEqualTo("primary unreachable");
        assertThat(body.path("people").get(0).path("id").asText()).isEqualTo("zhao.liu");
        assertThat(body.path("people").get(0).path("phone").asText()).isEqualTo("+86 138 0000 0004");

        // The gateway said 503: the call is retried later, by itself; the chat mention is not repeated.
        long mentions = jdbc.sql("select count(*) from outbox where channel = 'CPHONE' and payload like '%Not acknowledged%'")
                .query(Long.class).single();
        assertThat(mentions).isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        tasks.runDue();
        RecordedRequest retry = GATEWAY.takeRequest(10, TimeUnit.SECONDS);
        assertThat(retry).isNotNull();
        assertThat(retry.getHeader("Idempotency-Key")).isEqualTo(key);
        assertThat(jdbc.sql("select state from scheduled_task where task_key = ?").param(key).query(String.class).single())
                .isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from outbox where channel = 'CPHONE' and payload like '%Not acknowledged%'")
                .query(Long.class).single()).isEqualTo(mentions);
    }
}
