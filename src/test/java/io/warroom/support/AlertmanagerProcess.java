package io.warroom.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1, clustering off, whose one receiver
 * is Warroom's webhook with a bearer token read from a file. Missing binary: a skip locally, a failure
 * when CI=true.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final Process process;
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AlertmanagerProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static void requireBinary() {
        if (!Files.isExecutable(BINARY)) {
            String message = BINARY + " is missing (Debian package prometheus-alertmanager, installed by .ci/run)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI=true, so a missing Alertmanager is a failure, not a skip");
            }
            Assumptions.assumeTrue(false, message + "; skipping");
        }
    }

    /** Starts it with a webhook receiver pointing at {@code webhookUrl}, grouping by {@code groupBy}. */
    public static AlertmanagerProcess start(String webhookUrl, String token, String groupBy) throws IOException {
        return start(freePort(), webhookUrl, token, groupBy);
    }

    /** As {@link #start(String, String, String)} on a port chosen beforehand (to configure Warroom with it). */
    public static AlertmanagerProcess start(int port, String webhookUrl, String token, String groupBy) throws IOException {
        requireBinary();
        Path dir = Files.createTempDirectory("warroom-alertmanager-");
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, token);
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: warroom
                  group_by: [%s]
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 1h
                receivers:
                  - name: warroom
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials_file: %s
                """.formatted(groupBy, webhookUrl, tokenFile));
        Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        var am = new AlertmanagerProcess(p, dir, port);
        am.awaitReady();
        return am;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("log"));
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited: " + log());
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(100);
        }
        throw new IllegalStateException("Alertmanager did not become ready: " + log());
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build());
    }

    /** {@code POST /api/v2/alerts}, as Prometheus does. */
    public void pushAlerts(String json) throws IOException {
        var response = send(HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager refused alerts: " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
