package io.warroom.ops;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Warroom as a real process (the application's classes and libraries from this test's class path, without
 * the test classes, whose beans would join the application), so a test can kill it with SIGKILL.
 */
final class WarroomProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private WarroomProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Warroom on a free port with these settings and waits until it says it is ready. */
    static WarroomProcess start(Path log, Map<String, String> env, String... args) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "io.warroom.WarroomApplication", "--server.port=" + port));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        var started = new WarroomProcess(builder.start(), port, log);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!started.process.isAlive()) {
                throw new IllegalStateException("Warroom exited early:\n" + Files.readString(log));
            }
            return Files.readString(log).contains("Warroom ready in");
        });
        return started;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no drain, nothing released; exit code 137. */
    int kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
