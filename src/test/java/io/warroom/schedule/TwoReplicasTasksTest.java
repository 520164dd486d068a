package io.warroom.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.support.Replicas;
import io.warroom.support.TestGateways;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas on one PostgreSQL run every task exactly once, and tasks scheduled by a replica that
 * stopped before they were due run once after the others start.
 */
class TwoReplicasTasksTest {

    private final Replicas replicas = new Replicas("tasks");

    @AfterEach
    void stop() {
        replicas.stopAll();
    }

    private ConfigurableApplicationContext replica() {
        return replicas.start(List.of(TestGateways.class, EffectHandler.class),
                "--warroom.schedule.poll-interval=50ms");
    }

    @Test
    void everyTaskRunsOnceAcrossReplicasAndAcrossARestart() {
        var a = replica();
        a.getBean(JdbcClient.class).sql("create table task_effect (task_key varchar(300) not null)").update();
        Tasks tasksOfA = a.getBean(Tasks.class);
        Instant later = Instant.now().plusSeconds(4);
        for (int i = 0; i < 40; i++) {
            tasksOfA.schedule("restart-" + i, "test.effect", later, Map.of());
        }
        // A stops before anything is due: nothing may be lost with it.
        replicas.stop(a);

        var b = replica();
        var c = replica();
        Instant now = Instant.now();
        for (int i = 0; i < 200; i++) {
            (i % 2 == 0 ? b : c).getBean(Tasks.class).schedule("both-" + i, "test.effect", now, Map.of());
        }
        var db = b.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.sql("select count(*) from task_effect").query(Long.class).single() >= 240);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(db.sql("select count(*) from task_effect").query(Long.class).single()).isEqualTo(240);
        assertThat(db.sql("select count(distinct task_key) from task_effect").query(Long.class).single()).isEqualTo(240);
        assertThat(db.sql("select count(*) from scheduled_task where kind = 'test.effect' and state <> 'DONE'").query(Long.class).single()).isZero();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class EffectHandler {
        @Bean
        TaskHandler effectHandler(JdbcClient jdbc) {
            return new TaskHandler() {
                @Override
                public String kind() {
                    return "test.effect";
                }

                @Override
                public void run(Task task) {
                    jdbc.sql("insert into task_effect (task_key) values (?)").param(task.key()).update();
                }
            };
        }
    }
}
