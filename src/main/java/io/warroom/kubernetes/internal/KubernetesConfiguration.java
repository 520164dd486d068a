package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.warroom.kubernetes.internal.KubernetesProperties.Mode;
import io.warroom.kubernetes.internal.sandbox.SandboxCluster;
import io.warroom.shared.ConfigurationProblem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the cluster (in-cluster, kubeconfig or sandbox) at start-up and registers the executor. */
@Configuration
@EnableConfigurationProperties(KubernetesProperties.class)
class KubernetesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KubernetesConfiguration.class);
    static final String SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    @Bean(destroyMethod = "close")
    ClusterConnection clusterConnection(KubernetesProperties properties) {
        Mode mode = resolve(properties, System.getenv("KUBERNETES_SERVICE_HOST"), System.getenv("KUBECONFIG"),
                Files.exists(Path.of(SERVICE_ACCOUNT_TOKEN)));
        if (mode == Mode.SANDBOX) {
            List<String> namespaces = properties.namespaces().isEmpty() ? SandboxCluster.NAMESPACES : properties.namespaces();
            // Seeded on its own thread so that start-up does not wait for it; commands wait (ClusterConnection).
            CompletableFuture<SandboxCluster> sandbox = SandboxCluster.startInBackground(Clock.systemUTC(),
                    KubernetesConfiguration::startDaemon);
            log.info("Kubernetes: sandbox cluster (namespaces {}), seeding in the background; nothing real is changed",
                    namespaces);
            return new ClusterConnection(sandbox.thenApply(SandboxCluster::client), true,
                    properties.clusterName().isEmpty() ? "sandbox" : properties.clusterName(), namespaces,
                    () -> closeWhenStarted(sandbox));
        }
        if (properties.namespaces().isEmpty()) {
            throw new ConfigurationProblem("warroom.kubernetes.namespaces must list the namespaces Warroom may act in "
                    + "(WARROOM_KUBERNETES_NAMESPACES=after-sales-prod,gateway)");
        }
        Config config = withTimeouts(load(properties), properties);
        log.info("Kubernetes: cluster '{}' at {} (namespaces {})", properties.clusterName(), config.getMasterUrl(),
                properties.namespaces());
        return new ClusterConnection(new KubernetesClientBuilder().withConfig(config).build(), false,
                properties.clusterName(), properties.namespaces(), null);
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "warroom-sandbox-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after the connection waited for the start: a sandbox that came up is stopped with it. */
    private static void closeWhenStarted(CompletableFuture<SandboxCluster> sandbox) {
        if (sandbox.isDone() && !sandbox.isCompletedExceptionally()) {
            sandbox.join().close();
        }
    }

    @Bean
    KubernetesExecutor kubernetesExecutor(ClusterConnection connection, KubernetesProperties properties, Clock clock) {
        return new KubernetesExecutor(connection, properties.rolloutTimeout(), clock);
    }

    /** auto: in-cluster when a ServiceAccount is mounted, a kubeconfig when one is named, else the sandbox. */
    static Mode resolve(KubernetesProperties p, String serviceHost, String kubeconfigEnv, boolean tokenMounted) {
        if (p.mode() != Mode.AUTO) {
            return p.mode();
        }
        boolean inCluster = serviceHost != null && !serviceHost.isBlank() && tokenMounted;
        boolean kubeconfig = p.kubeconfig() != null || (kubeconfigEnv != null && !kubeconfigEnv.isBlank());
        return inCluster || kubeconfig ? Mode.CLUSTER : Mode.SANDBOX;
    }

    private static Config load(KubernetesProperties p) {
        if (p.kubeconfig() != null) {
            File file = new File(p.kubeconfig());
            if (!file.isFile()) {
                throw new ConfigurationProblem("warroom.kubernetes.kubeconfig: no file at " + p.kubeconfig());
            }
            try {
                return Config.fromKubeconfig(p.context(), file);
            } catch (RuntimeException e) {
                // the exception text may quote the file; name only the path and the kind of failure
                throw new ConfigurationProblem("warroom.kubernetes.kubeconfig: could not read " + p.kubeconfig()
                        + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Config.autoConfigure(p.context());
    }

    private static Config withTimeouts(Config config, KubernetesProperties p) {
        int millis = (int) Math.min(Integer.MAX_VALUE, p.requestTimeout().toMillis());
        return new ConfigBuilder(config).withRequestTimeout(millis).withConnectionTimeout(millis).build();
    }
}
