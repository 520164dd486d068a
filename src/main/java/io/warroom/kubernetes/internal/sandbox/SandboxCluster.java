package io.warroom.kubernetes.internal.sandbox;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox cluster: fabric8's mock API server in CRUD mode on 127.0.0.1 (a random port), seeded from
 * the runbooks, with pod logs served by {@link SandboxDispatcher} and a tiny controller that completes
 * rollouts. Nothing in it is real; every answer built from it says so.
 */
public final class SandboxCluster implements AutoCloseable {

    public static final List<String> NAMESPACES = List.of("after-sales-prod", "gateway");
    private static final Logger log = LoggerFactory.getLogger(SandboxCluster.class);

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final ScheduledExecutorService ticker;

    private SandboxCluster(KubernetesMockServer server, NamespacedKubernetesClient client, ScheduledExecutorService ticker) {
        this.server = server;
        this.client = client;
        this.ticker = ticker;
    }

    /** Starts the server, seeds it and starts the controller (ticking every {@code tick}, acting after {@code delay}). */
    public static SandboxCluster start(Clock clock, Duration tick, Duration delay) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        var dispatcher = new SandboxDispatcher(new KubernetesMixedDispatcher(responses), new SandboxLogs(clock));
        // Serialization mapper of the mock web server, as fabric8's own JUnit extension builds it
        var server = new KubernetesMockServer(new Context(io.fabric8.kubernetes.client.utils.Serialization.jsonMapper()),
                new MockWebServer(), responses, dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        NamespacedKubernetesClient client = server.createClient();
        try {
            new SandboxSeed(client, clock).seed();
        } catch (RuntimeException e) {
            client.close();
            server.destroy();
            throw e;
        }
        var controller = new SandboxController(client, clock, delay);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-sandbox-controller");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                controller.reconcile();
            } catch (RuntimeException e) {
                log.debug("sandbox controller tick failed: {}", e.toString());
            }
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        return new SandboxCluster(server, client, ticker);
    }

    public static SandboxCluster start(Clock clock) {
        return start(clock, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        server.destroy();
    }
}
