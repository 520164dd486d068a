package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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
    private final List<Process> processes = new ArrayList<>();

    @TempDir Path dir;

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void queuedMessagesSurviveKillMinusNine() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("warroom") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        int port = freePort();
        Process first = start(db, port, true, dir.resolve("first.log"));
        for (int i = 0; i < 5; i++) {
            String body = "{\"as\":\"zhang.san\",\"text\":\"/warroom oncall\"}";
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/api/channels/oncall/messages"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
        }
        assertThat(botMessages(port)).as("the dispatcher is paused: nothing is delivered yet").isZero();

        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        int port2 = freePort();
        start(db, port2, false, dir.resolve("second.log"));
        await().atMost(Duration.ofSeconds(20)).until(() -> botMessages(port2) == 5);
        Thread.sleep(1000);
        assertThat(botMessages(port2)).as("each answer delivered once").isEqualTo(5);
    }

    private long botMessages(int port) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/console/api/channels/oncall/messages?as=zhang.san")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = json.readTree(r.body());
        return StreamSupport.stream(list.spliterator(), false).filter(m -> m.path("author").asText().equals("warroom")).count();
    }

    private Process start(String db, int port, boolean paused, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The application's classes and libraries, but not the test classes (their beans would join the app).
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, "io.warroom.WarroomApplication",
                "--spring.datasource.url=" + db, "--server.port=" + port, "--warroom.delivery.paused=" + paused)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        // A cold JVM with 256 MB on a busy two-core machine can take most of a minute to start: allow two.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("Warroom exited early:\n" + Files.readString(log));
            }
            return Files.readString(log).contains("Warroom ready in");
        });
        return p;
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
