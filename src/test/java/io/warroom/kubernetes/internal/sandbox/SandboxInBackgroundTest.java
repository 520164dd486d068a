package io.warroom.kubernetes.internal.sandbox;

import static io.warroom.kubernetes.internal.sandbox.SandboxClusterTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.action.ActionResult;
import io.warroom.action.RunAs;
import io.warroom.kubernetes.internal.ClusterConnection;
import io.warroom.kubernetes.internal.KubernetesExecutor;
import io.warroom.support.English;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Start-up does not wait for the sandbox to be seeded, so a command may arrive first. It must then wait for
 * the seeding and answer from the seeded cluster, never from a half-filled one. The seeding here runs only
 * when the test says so, so "arrived first" is certain, not a race.
 */
class SandboxInBackgroundTest {

    private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

    @Test
    void aCommandThatArrivesBeforeTheSeedingWaitsForItAndAnswersFromTheSeededCluster() throws Exception {
        CompletableFuture<SandboxCluster> sandbox = SandboxCluster.startInBackground(Clock.systemUTC(), held::add);
        try (var connection = connection(sandbox)) {
            var executor = new KubernetesExecutor(connection, Duration.ofMinutes(10), Clock.systemUTC());
            assertThat(connection.ready()).isFalse();

            AtomicReference<ActionResult> answer = new AtomicReference<>();
            Thread worker = new Thread(() -> answer.set(executor.execute(spec("after-sales-prod", "pods", "backend",
                    Map.of()), RunAs.bot())), "command-worker");
            worker.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingForTheClient(worker));
            assertThat(answer.get()).as("no answer before the sandbox is seeded").isNull();

            held.take().run();
            worker.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(connection.ready()).isTrue();
            assertThat(answer.get()).isNotNull();
            assertThat(English.of(answer.get().summary())).startsWith("backend in after-sales-prod: ").endsWith("(sandbox)");
            assertThat(answer.get().body().lines().filter(l -> l.startsWith("backend-"))).hasSize(3)
                    .allSatisfy(l -> assertThat(l).contains("Running"));
        }
    }

    @Test
    void closingWhileTheSeedingRunsStopsTheSandboxOnceItIsUp() throws Exception {
        CompletableFuture<SandboxCluster> sandbox = SandboxCluster.startInBackground(Clock.systemUTC(), held::add);
        var connection = connection(sandbox);
        Thread seeding = new Thread(() -> {
            try {
                held.take().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        seeding.start();
        connection.close();
        assertThat(sandbox).isCompleted();
        int port = Integer.parseInt(sandbox.join().url().replaceAll(".*:", ""));
        await().atMost(Duration.ofSeconds(10)).until(() -> refused(port));
    }

    private static ClusterConnection connection(CompletableFuture<SandboxCluster> sandbox) {
        return new ClusterConnection(sandbox.thenApply(SandboxCluster::client), true, "sandbox", SandboxCluster.NAMESPACES,
                () -> sandbox.join().close());
    }

    private static boolean waitingForTheClient(Thread worker) {
        return worker.getState() == Thread.State.TIMED_WAITING && Arrays.stream(worker.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(ClusterConnection.class.getName()) && f.getMethodName().equals("client"));
    }

    private static boolean refused(int port) {
        try (var ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
