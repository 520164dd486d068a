package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.support.Replicas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas in Socket Mode on one PostgreSQL, both connected to Slack: an envelope delivered to both
 * connections (Slack retrying on another connection) runs once and both acknowledge it; when one replica
 * stops, the other keeps receiving.
 */
class TwoReplicasSlackSocketTest {

    private final FakeSlackApi fake = new FakeSlackApi(Duration.ofMillis(1));
    private final FakeSlackSocket socket = new FakeSlackSocket();
    private final Replicas replicas = new Replicas("socket");

    @AfterEach
    void stop() {
        replicas.stopAll();
        socket.close();
        fake.close();
    }

    private ConfigurableApplicationContext replica() {
        return replicas.start(List.of(SlackTestFeatures.class),
                "--warroom.catalog.location=classpath*:warroom/commands/*.yaml", "--warroom.schedule.poll-interval=200ms",
                "--warroom.delivery.poll-interval=100ms", "--warroom.slack.mode=socket",
                "--warroom.slack.bot-token=" + FakeSlackApi.TOKEN, "--warroom.slack.app-token=" + FakeSlackApi.APP_TOKEN,
                "--warroom.slack.api-base-url=" + fake.baseUrl(), "--warroom.slack.socket.reconnect-min=200ms",
                "--warroom.directory.roster=classpath:rosters/slack-roster.yaml");
    }

    private static String trigger() {
        return "trig-" + UUID.randomUUID();
    }

    @Test
    void anEnvelopeOnBothConnectionsRunsOnceAndTheSurvivorKeepsReceiving() {
        fake.socketMode(socket);
        var one = replica();
        replica();
        await().atMost(Duration.ofSeconds(30)).until(() -> socket.openConnections() == 2);

        String ch = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        List<String> envelopes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            envelopes.add(socket.sendToAll("slash_commands",
                    FakeSlackSocket.slashCommand("U0LISI", ch, "testcard", trigger())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> envelopes.stream().allMatch(id -> socket.acks(id).size() == 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> fake.posted(ch).size() >= 10);
        pause(1500);
        assertThat(fake.posted(ch)).as("each command ran once").hasSize(10);

        replicas.stop(one);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.openConnections() == 1);
        String late = socket.send("slash_commands", FakeSlackSocket.slashCommand("U0LISI", ch, "testcard", trigger()));
        await().atMost(Duration.ofSeconds(20)).until(() -> socket.acks(late).size() == 1 && fake.posted(ch).size() == 11);
        assertThat(fake.refusals()).isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
