package io.warroom.feishu.internal;

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
 * Shutdown with the long connection: Warroom stops while a burst of messages is arriving; every message it
 * received is answered before the connection closes, and every answered command is stored.
 */
class FeishuLongConnectionShutdownTest {

    private final FakeFeishuOpenApi fake = FakeFeishuOpenApi.separate();
    private final FakeFeishuLongConnection ws = new FakeFeishuLongConnection();

    @AfterEach
    void stop() {
        ws.close();
        fake.stop();
    }

    @Test
    void messagesInFlightAreAnsweredBeforeTheConnectionCloses() throws Exception {
        fake.longConnection(ws);
        String db = "jdbc:h2:mem:feishu-long-stop-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WarroomApplication.class).run(
                "--spring.datasource.url=" + db, "--server.port=0", "--warroom.delivery.paused=true",
                "--warroom.feishu.mode=long-connection", "--warroom.feishu.app-id=" + FakeFeishuOpenApi.APP_ID,
                "--warroom.feishu.app-secret=" + FakeFeishuOpenApi.APP_SECRET, "--warroom.feishu.base-url=" + fake.baseUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> ws.openConnections() == 1);
        String chat = "oc_s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(ws.send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", "ou_lisi00000002",
                    "/warroom help", true)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !ws.answers(sent.get(0)).isEmpty());
        app.close();

        assertThat(sent).allSatisfy(id -> assertThat(ws.answers(id)).as("answered before closing").hasSize(1)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo(200)));
        await().atMost(Duration.ofSeconds(5)).until(() -> ws.openConnections() == 0);
        try (var connection = DriverManager.getConnection(db, "sa", "");
             var query = connection.prepareStatement("select count(*) from command_inbox where channel = ?")) {
            query.setString(1, chat);
            var rows = query.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).as("every answered command stored").isEqualTo(200);
        }
    }
}
