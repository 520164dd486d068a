package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;

/**
 * The client Warroom talks to and what it is: a real cluster or the sandbox, its name, and the namespaces
 * actions may touch. Closing it closes the client (and the sandbox's mock API server).
 */
public final class ClusterConnection implements AutoCloseable {

    private final KubernetesClient client;
    private final boolean sandbox;
    private final String name;
    private final Set<String> namespaces;
    private final AutoCloseable onClose;

    public ClusterConnection(KubernetesClient client, boolean sandbox, String name, List<String> namespaces,
                             AutoCloseable onClose) {
        this.client = client;
        this.sandbox = sandbox;
        this.name = name == null ? "" : name;
        this.namespaces = Set.copyOf(namespaces);
        this.onClose = onClose;
    }

    public KubernetesClient client() {
        return client;
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
            client.close();
        } finally {
            if (onClose != null) {
                onClose.close();
            }
        }
    }
}
