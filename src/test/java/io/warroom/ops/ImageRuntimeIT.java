package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's runtime, built here: the Dockerfile's own {@code RUNTIME} script (extract the layers, jdeps,
 * jlink) runs on the packaged jar with the local JDK, then Warroom starts from the layers on that runtime
 * with the image's ENTRYPOINT and answers. A module missing from the list fails here, not in a cluster.
 * Runs after {@code package} (failsafe), once per build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageRuntimeIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Dockerfile dockerfile = Dockerfile.read();
    private Path app;
    private Path runtime;
    private Process warroom;
    private int port;
    private Path log;
    private Path dir;
    private Path layers;

    ImageRuntimeIT() throws IOException {
    }

    @BeforeAll
    void buildTheRuntimeAndStartWarroomOnIt(@TempDir Path tmp) throws Exception {
        dir = tmp;
        app = dir.resolve("app");
        runtime = dir.resolve("runtime");
        Path script = dir.resolve("runtime.sh");
        Files.writeString(script, dockerfile.heredocs().get("RUNTIME"));
        var build = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jlink.log").toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        build.environment().put("JAR", packagedJar().toString());
        build.environment().put("APP", app.toString());
        build.environment().put("RUNTIME", runtime.toString());
        build.environment().put("JLINK_EXTRA_MODULES", dockerfile.argDefault("JLINK_EXTRA_MODULES"));
        Process p = build.start();
        assertThat(p.waitFor(8, TimeUnit.MINUTES)).as("the runtime step finishes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("jlink.log"))).isZero();

        layers = dir.resolve("layers");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            copyTree(app.resolve(layer), layers);
        }
        trainTheClassDataArchive();

        port = freePort();
        log = dir.resolve("warroom.log");
        warroom = start(log);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!warroom.isAlive()) {
                throw new IllegalStateException("Warroom exited on the linked runtime:\n" + Files.readString(log));
            }
            return Files.readString(log).contains("Warroom ready in");
        });
    }

    /** The final stage's CDS step (training run, class-data archive) on this runtime, in the layers' directory. */
    private void trainTheClassDataArchive() throws Exception {
        Path script = dir.resolve("cds.sh");
        Files.writeString(script, dockerfile.heredocs().get("CDS"));
        var train = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cds.log").toFile());
        train.environment().put("JAVA", runtime.resolve("bin/java").toString());
        train.environment().put("WARROOM_HOME", layers.toString());
        train.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = train.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the training run finishes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("cds.log"))).isZero();
    }

    /** The image's ENTRYPOINT, with this runtime's java for /opt/java and the layers copied into one directory for /app. */
    private Process start(Path output) throws IOException {
        List<String> command = new ArrayList<>();
        for (String arg : dockerfile.entrypoint()) {
            command.add(arg.equals("java") ? runtime.resolve("bin/java").toString() : arg.replace("/app/", layers + "/"));
        }
        var builder = new ProcessBuilder(command).directory(layers.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("data/warroom")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        builder.environment().put("WARROOM_LOG_FORMAT", "ecs");
        // Handoff forms and check reports go elsewhere, so the bot message awaited in the on-call channel is the
        // answer to the command and not, at some times of day, a handover's form.
        builder.environment().put("WARROOM_ONCALL_CHANNELS", "console:ops");
        // Where each class came from: the class-data archive or a jar (the ENTRYPOINT's flags stay as they are)
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + dir.resolve("classes.log"));
        return builder.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (warroom != null) {
            warroom.destroy();
            warroom.waitFor(60, TimeUnit.SECONDS);
            warroom.destroyForcibly();
        }
    }

    @Test
    void theRuntimeHoldsOnlyWhatWarroomNeeds() throws Exception {
        String modules = run(runtime.resolve("bin/java").toString(), "--list-modules");
        assertThat(modules).contains("java.base", "java.sql", "jdk.crypto.ec", "jdk.localedata", "jdk.jcmd");
        assertThat(modules).as("no compiler, shell or desktop tooling beyond what jdeps found")
                .doesNotContain("jdk.compiler", "jdk.jshell", "jdk.javadoc", "jdk.jlink");
        assertThat(runtime.resolve("bin/jcmd")).exists();
        assertThat(runtime.resolve("bin/javac")).doesNotExist();
    }

    @Test
    void warroomStartsWithTheClassDataArchiveOfTheTrainingRun() throws Exception {
        assertThat(dockerfile.entrypoint()).contains("-XX:SharedArchiveFile=/app/warroom.jsa");
        assertThat(layers.resolve("warroom.jsa")).isNotEmptyFile();
        // A runtime or class path that does not match the archive makes the JVM warn and load every class anew.
        assertThat(Files.readString(log)).contains("Warroom ready in").doesNotContain("[warning][cds");
        // "(top)" is the archive of the training run, on top of the runtime's own
        assertThat(Files.readAllLines(dir.resolve("classes.log")))
                .anyMatch(l -> l.contains(" io.warroom.WarroomApplication source: shared objects file (top)"))
                .anyMatch(l -> l.contains(" org.springframework.context.support.AbstractApplicationContext source: shared objects file (top)"));
    }

    @Test
    void theRuntimeCanDoEllipticCurveCryptographyForTls() throws Exception {
        // keytool needs the same EC provider as an ECDHE handshake with Slack or Feishu.
        String out = run(runtime.resolve("bin/keytool").toString(), "-genkeypair", "-keyalg", "EC", "-groupname",
                "secp256r1", "-alias", "probe", "-dname", "CN=probe", "-storetype", "PKCS12",
                "-keystore", dir.resolve("probe.p12").toString(), "-storepass", "probe-pass", "-validity", "1");
        assertThat(dir.resolve("probe.p12")).as(out).isNotEmptyFile();
    }

    @Test
    void theRuntimeKeepsChineseFormats() throws Exception {
        String locales = run(runtime.resolve("bin/java").toString(), "-XshowSettings:locale", "-version");
        assertThat(locales).contains("zh_CN").contains("en_US");
    }

    @Test
    void warroomAnswersHealthAndMetricsOnTheLinkedRuntime() throws Exception {
        var health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        var metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("warroom_delivery_queue_depth", "process_cpu_usage", "hikaricp_connections");
    }

    @Test
    void aCommandIsAnsweredThroughTheOutboxOnTheLinkedRuntime() throws Exception {
        var posted = http.send(HttpRequest.newBuilder(uri("/console/api/channels/oncall/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"as\":\"zhang.san\",\"text\":\"/warroom oncall\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var list = json.readTree(get("/console/api/channels/oncall/messages?as=zhang.san").body());
            for (var m : list) {
                if (m.path("author").asText().equals("warroom")) {
                    return true;
                }
            }
            return false;
        });
        assertThat(Files.readString(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException",
                "UnsupportedOperationException", "ERROR");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("warroom-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run after package"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
