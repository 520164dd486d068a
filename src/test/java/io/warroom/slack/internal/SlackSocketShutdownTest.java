package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.WarroomApplication;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutdown in Socket Mode: Warroom stops while a burst of commands is arriving; every envelope it received is
 * handled and acknowledged before the connection closes, every acknowledged command is stored, and the close
 * is a clean one (Slack then sends nothing more to this replica).
 */
class SlackSocketShutdownTest {

    private final FakeSlackApi fake = new FakeSlackApi(Duration.ofMillis(1));
    private final FakeSlackSocket socket = new FakeSlackSocket();

    @AfterEach
    void stop() {
        socket.close();
        fake.close();
    }

    @Test
    void envelopesInFlightAreAcknowledgedBeforeTheConnectionCloses() throws Exception {
        fake.socketMode(socket);
        String db = "jdbc:h2:mem:slack-socket-stop-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WarroomApplication.class).run(
                "--spring.datasource.url=" + db, "--server.port=0", "--warroom.delivery.paused=true",
                "--warroom.slack.mode=socket",
                "--warroom.slack.bot-token=" + FakeSlackApi.TOKEN, "--warroom.slack.app-token=" + FakeSlackApi.APP_TOKEN,
                "--warroom.slack.api-base-url=" + fake.baseUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> socket.openConnections() == 1);
        String ch = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(socket.send("slash_commands", FakeSlackSocket.slashCommand("U0LISI", ch, "whoami",
                    "trig-" + UUID.randomUUID())));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !socket.acks().isEmpty());
        app.close();

        assertThat(sent).allSatisfy(id -> assertThat(socket.acks(id)).as("acknowledged before closing").hasSize(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.openConnections() == 0);
        try (var connection = DriverManager.getConnection(db, "sa", "");
             var query = connection.prepareStatement("select count(*) from command_inbox where channel = ?")) {
            query.setString(1, ch);
            var rows = query.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).as("every acknowledged command stored").isEqualTo(200);
        }
    }
}
