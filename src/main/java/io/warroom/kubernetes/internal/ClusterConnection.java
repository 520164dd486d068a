package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client Warroom talks to and what it is: a real cluster or the sandbox, its name, and the namespaces
 * actions may touch. Closing it closes the client (and the sandbox's mock API server).
 *
 * <p>The client may still be on its way: the sandbox is seeded on its own thread so that it does not hold up
 * start-up. {@link #client()} then waits for it, so a command that arrives first is answered from the seeded
 * sandbox, only later.
 */
public final class ClusterConnection implements AutoCloseable {

    /** Far longer than seeding takes on a busy machine; only a hung start-up waits this long. */
    static final Duration WAIT_FOR_CLIENT = Duration.ofSeconds(60);

    private final CompletableFuture<? extends KubernetesClient> client;
    private final boolean sandbox;
    private final String name;
    private final Set<String> namespaces;
    private final AutoCloseable onClose;

    public ClusterConnection(KubernetesClient client, boolean sandbox, String name, List<String> namespaces,
                             AutoCloseable onClose) {
        this(CompletableFuture.completedFuture(client), sandbox, name, namespaces, onClose);
    }

    /** A connection whose client is still starting; {@code onClose} runs once it has (or has failed). */
    public ClusterConnection(CompletableFuture<? extends KubernetesClient> client, boolean sandbox, String name,
                             List<String> namespaces, AutoCloseable onClose) {
        this.client = client;
        this.sandbox = sandbox;
        this.name = name == null ? "" : name;
        this.namespaces = Set.copyOf(namespaces);
        this.onClose = onClose;
    }

    /** The client, once it is ready (waits for the sandbox's seeding if that is still running). */
    public KubernetesClient client() {
        try {
            return client.get(WAIT_FOR_CLIENT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kubernetes client was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Kubernetes client failed to start", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kubernetes client did not start within " + WAIT_FOR_CLIENT, e);
        }
    }

    /** Whether the client is ready (for the sandbox: seeded), without waiting. */
    public boolean ready() {
        return client.isDone() && !client.isCompletedExceptionally();
    }

    public boolean sandbox() {
        return sandbox;
    }

    public String name() {
        return name;
    }

    public Set<String> namespaces() {
        return new java.util.TreeSet<>(namespaces);
    }

    @Override
    public void close() throws Exception {
        try {
            KubernetesClient started = awaitForClose();
            if (started != null) {
                started.close();
            }
        } finally {
            if (onClose != null) {
                onClose.close();
            }
        }
    }

    /** The client to close; null if it never started. Waits for a start still under way, so nothing leaks. */
    private KubernetesClient awaitForClose() throws InterruptedException {
        try {
            return client.get(WAIT_FOR_CLIENT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
