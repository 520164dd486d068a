package io.warroom.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.directory.RosterChanges;
import io.warroom.support.Replicas;
import io.warroom.support.TestGateways;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas on one PostgreSQL and an override that makes two handovers within a minute: each handover
 * gets one handoff, its form once, and its two reminders once each.
 */
class TwoReplicasHandoffTest {

    private final Replicas replicas = new Replicas("handoff");

    @AfterEach
    void stop() {
        replicas.stopAll();
    }

    private ConfigurableApplicationContext replica() {
        return replicas.start(List.of(TestGateways.class),
                "--warroom.schedule.poll-interval=100ms", "--warroom.checks.schedules.daily=off", "--warroom.handoff.channels=console:oncall", "--warroom.handoff.lead-time=10s", "--warroom.handoff.ack-reminder=4s", "--warroom.handoff.escalate-after=4s");
    }

    private static long count(JdbcClient db, String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void eachHandoverIsHandedOffOnceWithItsRemindersOnceAcrossReplicas() {
        var a = replica();
        replica();
        var db = a.getBean(JdbcClient.class);
        Directory directory = a.getBean(Directory.class);

        // Someone not on the front line now nor right after takes it for twenty seconds: two handovers.
        Instant start = Instant.now().plusSeconds(15);
        Instant end = start.plusSeconds(20);
        String before = directory.onDuty(start.minusSeconds(1)).get(0).person().id();
        String after = directory.onDuty(end.plusSeconds(1)).get(0).person().id();
        Person cover = directory.people().stream().filter(p -> p.inGroup("oncall"))
                .filter(p -> !p.id().equals(before) && !p.id().equals(after)).findFirst().orElseThrow();
        a.getBean(RosterChanges.class).override(directory.rotationRoles().get(0), cover, start, end, "two replicas",
                directory.person("zhao.liu").orElseThrow());

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                count(db, "select count(*) from timeline_entry where kind = 'handoff.reminded'") >= 4);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertThat(db.sql("select outgoing || '>' || incoming from handoff order by handover_at").query(String.class).list())
                .containsExactly(before + ">" + cover.id(), cover.id() + ">" + after);
        for (String stream : db.sql("select 'handoff:' || public_id from handoff").query(String.class).list()) {
            assertThat(db.sql("select kind from timeline_entry where stream_id = ? order by position").param(stream)
                    .query(String.class).list()).as(stream).containsExactly("handoff.opened", "handoff.reminded", "handoff.reminded");
        }
        assertThat(count(db, "select count(*) from console_message where body like '%Shift handoff:%' and visible_to is not null"))
                .as("one form per handoff").isEqualTo(2);
        assertThat(count(db, "select count(*) from scheduled_task where kind like 'handoff.%' and state = 'FAILED'")).isZero();
    }
}
