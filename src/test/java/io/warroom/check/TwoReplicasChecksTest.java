package io.warroom.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.support.Replicas;
import io.warroom.support.TestGateways;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list scheduled every three seconds, on two replicas sharing one PostgreSQL: every slot runs once; and
 * after all replicas were down for several slots, the first one back runs one late check, not one per
 * missed slot.
 */
class TwoReplicasChecksTest {

    private final Replicas replicas = new Replicas("checks");
    private final MockWebServer service = new MockWebServer();

    @AfterEach
    void stop() throws Exception {
        replicas.stopAll();
        service.shutdown();
    }

    private ConfigurableApplicationContext replica() {
        return replicas.start(List.of(TestGateways.class),
                "--warroom.schedule.poll-interval=100ms", "--warroom.checks.location=classpath:test-replica-checks/*.yaml", "--warroom.checks.channels=console:oncall", "--warroom.handoff.enabled=false", "--warroom.http.services.svc.base-url=" + service.url("/svc"));
    }

    private static long count(JdbcClient db, String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void eachSlotRunsOnceAcrossReplicasAndAMissedStretchRunsLateOnce() throws Exception {
        service.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody("{\"status\":\"UP\"}");
            }
        });
        service.start();
        var a = replica();
        var b = replica();
        var db = a.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "select count(*) from check_run where list_id = 'tick'") >= 4);
        assertThat(count(db, "select count(*) from (select slot_at from check_run group by slot_at having count(*) > 1) d"))
                .as("no slot ran twice").isZero();
        assertThat(count(db, "select count(*) from check_run where trigger_kind <> 'schedule' or slot_at is null")).isZero();

        replicas.stopAll();
        Instant down = Instant.now();
        Thread.sleep(10_000);
        var c = replica();
        var db2 = c.getBean(JdbcClient.class);
        OffsetDateTime lastBefore = db2.sql("select max(slot_at) from check_run where started_at < ?")
                .param(down.atOffset(java.time.ZoneOffset.UTC)).query(OffsetDateTime.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(db2, "select count(*) from check_run where slot_at > ?", lastBefore) >= 2);

        // Slots already past when the replica came back are those before its first run: one of them ran.
        OffsetDateTime firstStart = db2.sql("select min(started_at) from check_run where slot_at > ?").param(lastBefore)
                .query(OffsetDateTime.class).single();
        List<OffsetDateTime> late = db2.sql("select slot_at from check_run where slot_at > ? and slot_at < ?")
                .params(lastBefore, firstStart).query(OffsetDateTime.class).list();
        assertThat(late).as("of the slots missed while every replica was down, exactly one ran late").hasSize(1);
        assertThat(late.get(0).toInstant()).as("the newest of them").isAfter(down);
        assertThat(Duration.between(lastBefore.toInstant(), late.get(0).toInstant()))
                .as("several slots were missed").isGreaterThanOrEqualTo(Duration.ofSeconds(9));
        assertThat(count(db2, "select count(*) from (select slot_at from check_run group by slot_at having count(*) > 1) d")).isZero();
        assertThat(count(db2, "select count(*) from scheduled_task where kind = 'check.run' and state = 'FAILED'")).isZero();
    }
}
