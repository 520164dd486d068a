package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.WarroomApplication;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.CommandInbox;
import io.warroom.support.FakeGateway;
import io.warroom.support.Replicas;
import io.warroom.support.TestGateways;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stopped for a few seconds under a running Warroom (its own embedded server, stopped and
 * started on the same data directory and port): health goes DOWN and back UP, a request that arrives
 * meanwhile gets a clear error and leaves nothing behind, and the outbox and the command inbox carry on
 * by themselves afterwards, each answer delivered once.
 */
class DatabaseOutageTest {

    static final int WAITING_ANSWERS = 20;
    static final int ORPHANED_COMMANDS = 10;

    @TempDir Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata").toFile()).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @Test
    void aFewSecondsWithoutTheDatabaseLoseNothing() throws Exception {
        int pgPort = freePort();
        postgres = startPostgres(pgPort);
        app = new SpringApplicationBuilder(WarroomApplication.class, TestGateways.class).run(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                // Fail fast instead of queueing requests behind a pool that cannot connect.
                "--spring.datasource.hikari.connection-timeout=2000",
                "--warroom.catalog.location=" + Replicas.TEST_CATALOG, "--warroom.schedule.paused=true",
                "--warroom.delivery.limits.slack.per-channel.per-second=1000", "--warroom.delivery.limits.slack.per-channel.burst=1000",
                "--warroom.delivery.limits.slack.per-app.per-second=1000", "--warroom.delivery.limits.slack.per-app.burst=1000",
                "--warroom.delivery.limits.slack.per-method.ephemeral.per-second=1000",
                "--warroom.delivery.limits.slack.per-method.ephemeral.burst=1000");
        int port = Replicas.port(app);
        FakeGateway slack = app.getBean(FakeGateway.class);
        JdbcClient db = app.getBean(JdbcClient.class);
        assertThat(health(port)).isEqualTo(200);

        // Answers waiting in the outbox: Slack answered the first one "slow down for 8 s", which holds the
        // whole method (chat.postEphemeral is limited per workspace), so the others wait behind it.
        var inbox = app.getBean(CommandInbox.class);
        slack.failNext("CDBW0", FakeGateway.rateLimited(Duration.ofSeconds(8)));
        inbox.accept(new InboundCommand(Conversation.of(Platform.SLACK, "CDBW0"), new Actor(Platform.SLACK, "U0LISI", "li"), "whoami"));
        await().atMost(Duration.ofSeconds(20)).until(() -> db.sql(
                "select count(*) from outbox where channel = 'CDBW0' and state = 'PENDING' and next_attempt_at > ?")
                .param(OffsetDateTime.now().plusSeconds(4)).query(Long.class).single() == 1);
        for (int i = 1; i < WAITING_ANSWERS; i++) {
            inbox.accept(new InboundCommand(Conversation.of(Platform.SLACK, "CDBW" + i),
                    new Actor(Platform.SLACK, "U0LISI", "li"), "whoami"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> db.sql(
                "select count(*) from command_inbox where channel like 'CDBW%' and state = 'DONE'").query(Long.class).single()
                == WAITING_ANSWERS);
        // Commands a worker claimed and then died with: their lease runs out while the database is away.
        OffsetDateTime now = OffsetDateTime.now();
        IntStream.range(0, ORPHANED_COMMANDS).forEach(i -> db.sql("""
                insert into command_inbox (platform, channel, user_id, display_name, text, state, attempts, claimed_until, created_at)
                values ('slack', ?, 'U0LISI', 'li', 'whoami', 'RUNNING', 1, ?, ?)""").params("CDBO" + i, now.plusSeconds(2), now).update());
        assertThat(slack.all().stream().filter(c -> c.conversation().channel().startsWith("CDB"))).isEmpty();

        long stopped = System.nanoTime();
        postgres.close();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> health(port) == 503);
        long down = System.nanoTime();
        var refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/api/channels/oncall/messages"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"as\":\"zhang.san\",\"text\":\"/warroom whoami outage-probe\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(500);
        assertThat(refused.body()).doesNotContain("jdbc:").doesNotContain("Exception").doesNotContain("password");
        Thread.sleep(Math.max(0, 5000 - (System.nanoTime() - stopped) / 1_000_000));

        long restarting = System.nanoTime();
        postgres = startPostgres(pgPort);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> health(port) == 200);
        long up = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> IntStream.range(0, WAITING_ANSWERS)
                    .allMatch(i -> !slack.calls("CDBW" + i).isEmpty()) && IntStream.range(0, ORPHANED_COMMANDS)
                    .allMatch(i -> !slack.calls("CDBO" + i).isEmpty()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not resumed; outbox: " + db.sql("select channel, state, attempts, next_attempt_at, claimed_until,"
                    + " last_error from outbox where channel like 'CDB%'").query().listOfRows() + "; inbox: "
                    + db.sql("select channel, state, attempts, claimed_until, last_error from command_inbox where channel like 'CDB%'")
                    .query().listOfRows() + "; sent: " + slack.all().size() + "; now " + OffsetDateTime.now(), e);
        }
        long resumed = System.nanoTime();
        Thread.sleep(1000);
        IntStream.range(0, WAITING_ANSWERS).forEach(i -> assertThat(slack.calls("CDBW" + i)).as("CDBW" + i).hasSize(1));
        IntStream.range(0, ORPHANED_COMMANDS).forEach(i -> assertThat(slack.calls("CDBO" + i)).as("CDBO" + i).hasSize(1));
        assertThat(db.sql("select count(*) from command_inbox where state <> 'DONE'").query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from command_inbox where text like '%outage-probe%'").query(Long.class).single())
                .as("the refused request left nothing behind").isZero();
        System.out.printf("database outage: health DOWN %.1f s after the stop; database away %.1f s; health UP %.1f s after"
                        + " it was back; every waiting answer and orphaned command delivered %.1f s after it was back%n",
                (down - stopped) / 1e9, (restarting - stopped) / 1e9, (up - restarting) / 1e9, (resumed - restarting) / 1e9);
    }

    private int health(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
