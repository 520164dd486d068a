package io.warroom.kubernetes.internal;

import io.warroom.shared.ConfigurationProblem;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code warroom.kubernetes.*}. {@code mode}: {@code auto} (in-cluster or an explicitly given kubeconfig,
 * else the sandbox), {@code sandbox} or {@code cluster}. {@code namespaces} is the global allow-list; empty
 * means the sandbox's namespaces in sandbox mode and is a start-up error against a real cluster.
 */
@ConfigurationProperties("warroom.kubernetes")
public record KubernetesProperties(Mode mode, String kubeconfig, String context, String clusterName,
                                   List<String> namespaces, Duration requestTimeout, Duration rolloutTimeout) {

    public enum Mode { AUTO, SANDBOX, CLUSTER }

    public KubernetesProperties {
        mode = mode == null ? Mode.AUTO : mode;
        kubeconfig = blankToNull(kubeconfig);
        context = blankToNull(context);
        clusterName = clusterName == null ? "" : clusterName.trim();
        namespaces = namespaces == null ? List.of()
                : namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String ns : namespaces) {
            if (!Names.isLabel(ns)) {
                throw new ConfigurationProblem("warroom.kubernetes.namespaces: '" + ns + "' is not a valid namespace name "
                        + "(lower-case letters, digits and '-', at most 63 characters)");
            }
        }
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        rolloutTimeout = rolloutTimeout == null ? Duration.ofMinutes(10) : rolloutTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigurationProblem("warroom.kubernetes.request-timeout must be between 1ms and 10m, not " + requestTimeout);
        }
        if (rolloutTimeout.isNegative() || rolloutTimeout.isZero() || rolloutTimeout.compareTo(Duration.ofHours(6)) > 0) {
            throw new ConfigurationProblem("warroom.kubernetes.rollout-timeout must be between 1s and 6h, not " + rolloutTimeout);
        }
    }

    /** Settings for tests and the sandbox: everything at its default. */
    public static KubernetesProperties defaults(List<String> namespaces) {
        return new KubernetesProperties(Mode.SANDBOX, null, null, "", namespaces, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
