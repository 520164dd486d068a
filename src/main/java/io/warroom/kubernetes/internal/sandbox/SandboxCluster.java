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
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
        KubernetesMockServer server = server(new SandboxLogs(clock));
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

    /**
     * {@link #start(Clock)} on {@code executor}: Warroom's start-up goes on while the mock API server starts and
     * is seeded (about two seconds of class loading and requests), and whoever needs the cluster waits for the
     * future. A failure is logged here, because nobody may ask for the cluster for a long time.
     */
    public static CompletableFuture<SandboxCluster> startInBackground(Clock clock, Executor executor) {
        return CompletableFuture.supplyAsync(() -> start(clock), executor).whenComplete((sandbox, failure) -> {
            if (failure != null) {
                log.error("The sandbox cluster failed to start; Kubernetes commands will fail", failure);
            } else {
                log.info("Kubernetes: sandbox cluster seeded on {}", sandbox.url());
            }
        });
    }

    /**
     * fabric8's mock API server in CRUD mode with nothing in it and no controller, answering changes as a real
     * API server does (dry runs are not stored, a failed JSON patch {@code test} is a 422), and honouring
     * expectations set with {@link #server()}{@code .expect()}. For tests that bring their own objects.
     */
    public static SandboxCluster empty() {
        KubernetesMockServer server = server(null);
        return new SandboxCluster(server, server.createClient(), null);
    }

    private static KubernetesMockServer server(SandboxLogs logs) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new java.util.concurrent.ConcurrentHashMap<>();
        var dispatcher = new SandboxDispatcher(new KubernetesMixedDispatcher(responses), logs, r -> {
            Queue<ServerResponse> scripted;
            try {
                scripted = responses.get(new SimpleRequest(HttpMethod.valueOf(r.getMethod()), r.getPath()));
            } catch (IllegalArgumentException e) {
                return false;
            }
            return scripted != null && !scripted.isEmpty();
        });
        // Serialization mapper of the mock web server, as fabric8's own JUnit extension builds it
        var server = new KubernetesMockServer(new Context(io.fabric8.kubernetes.client.utils.Serialization.jsonMapper()),
                new MockWebServer(), responses, dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    /** The mock server itself, for tests: expectations, recorded requests. */
    public KubernetesMockServer server() {
        return server;
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.close();
        server.destroy();
    }
}
