package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real Warroom process with SIGKILL while answers sit in its outbox, starts a new one on the same
 * database, and checks every answer is delivered exactly once.
 */
class CrashRecoveryTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<WarroomProcess> processes = new ArrayList<>();

    @TempDir Path dir;

    @AfterEach
    void stopAll() {
        processes.forEach(WarroomProcess::close);
    }

    @Test
    void queuedMessagesSurviveKillMinusNine() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("warroom") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        WarroomProcess first = start(db, true, dir.resolve("first.log"));
        for (int i = 0; i < 5; i++) {
            String body = "{\"as\":\"zhang.san\",\"text\":\"/warroom oncall\"}";
            var r = http.send(HttpRequest.newBuilder(first.uri("/console/api/channels/oncall/messages"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
        }
        assertThat(botMessages(first)).as("the dispatcher is paused: nothing is delivered yet").isZero();

        assertThat(first.kill()).as("killed by SIGKILL").isEqualTo(137);

        WarroomProcess second = start(db, false, dir.resolve("second.log"));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> botMessages(second) == 5);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println(first.log() + "\n----- second -----\n" + second.log());
            throw e;
        }
        Thread.sleep(1000);
        assertThat(botMessages(second)).as("each answer delivered once").isEqualTo(5);
    }

    private long botMessages(WarroomProcess warroom) throws Exception {
        var r = http.send(HttpRequest.newBuilder(warroom.uri("/console/api/channels/oncall/messages?as=zhang.san")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode list = json.readTree(r.body());
        return StreamSupport.stream(list.spliterator(), false).filter(m -> m.path("author").asText().equals("warroom")).count();
    }

    private WarroomProcess start(String db, boolean paused, Path log) throws Exception {
        // Handoff forms, check reports and reminders go to another channel: at some times of day the roster's
        // schedules post into the on-call channel, and this test counts the answers there.
        WarroomProcess p = WarroomProcess.start(log, Map.of("WARROOM_ONCALL_CHANNELS", "console:ops"), "--spring.datasource.url=" + db,
                "--warroom.delivery.paused=" + paused);
        processes.add(p);
        return p;
    }
}
