package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.support.Replicas;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Slack clicks across two replicas on one PostgreSQL: a click delivered to both (Slack retrying on another
 * replica) runs once and is told once; a click acknowledged by a replica that never runs it (its task runner
 * is stopped, as after a crash right after the ack) is run by the other.
 */
class TwoReplicasSlackClickTest {

    private final FakeSlackApi fake = new FakeSlackApi(Duration.ofMillis(1));
    private final Replicas replicas = new Replicas("clicks");

    @AfterEach
    void stop() {
        replicas.stopAll();
        fake.close();
    }

    private ConfigurableApplicationContext replica(boolean runsTasks) {
        return replicas.start(List.of(SlackTestFeatures.class),
                "--warroom.catalog.location=classpath*:warroom/commands/*.yaml",
                "--warroom.schedule.poll-interval=200ms", "--warroom.schedule.paused=" + !runsTasks,
                "--warroom.delivery.poll-interval=100ms", "--warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
                "--warroom.slack.signing-secret=" + SignedSlack.SECRET, "--warroom.slack.api-base-url=" + fake.baseUrl(),
                "--warroom.directory.roster=classpath:rosters/slack-roster.yaml");
    }

    private static SignedSlack slack(ConfigurableApplicationContext ctx) {
        return new SignedSlack(((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    private static long seen(List<ConfigurableApplicationContext> replicas, String channel) {
        return replicas.stream().mapToLong(r -> r.getBean(SlackTestFeatures.TestActions.class).seen.stream()
                .filter(s -> s.action().conversation().channel().equals(channel)).count()).sum();
    }

    @Test
    void aClickRunsOnceWhicheverReplicaGetsItAndSurvivesTheReplicaThatAcknowledgedIt() throws Exception {
        var acksOnly = replica(false);
        var worker = replica(true);

        String ch = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        for (int i = 0; i < 10; i++) {
            var click = SignedSlack.blockAction("U0LISI", ch, "1700000000.00010" + i, null, "test.click", "v" + i,
                    "trig-" + UUID.randomUUID());
            var one = CompletableFuture.supplyAsync(() -> send(acksOnly, click));
            var two = CompletableFuture.supplyAsync(() -> send(worker, click));
            assertThat(one.get()).isEqualTo(200);
            assertThat(two.get()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> fake.ephemerals(ch).size() >= 10);
        Thread.sleep(1000);
        assertThat(seen(List.of(acksOnly, worker), ch)).as("each click handled once").isEqualTo(10);
        assertThat(fake.ephemerals(ch)).as("and its clicker told once").hasSize(10);
        assertThat(acksOnly.getBean(SlackTestFeatures.TestActions.class).seen).as("the stopped runner ran nothing").isEmpty();
        assertThat(fake.refusals()).isEmpty();
    }

    private static int send(ConfigurableApplicationContext replica, java.util.Map<String, Object> click) {
        try {
            return slack(replica).interaction(click).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
