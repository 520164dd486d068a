package io.warroom.kubernetes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.kubernetes.internal.KubernetesProperties.Mode;
import io.warroom.shared.ConfigurationProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesPropertiesTest {

    static KubernetesProperties props(Mode mode, String kubeconfig, List<String> namespaces) {
        return new KubernetesProperties(mode, kubeconfig, null, null, namespaces, null, null);
    }

    @Test
    void autoPicksInClusterOrANamedKubeconfigElseTheSandbox() {
        var auto = props(null, null, null);
        assertThat(auto.mode()).isEqualTo(Mode.AUTO);
        assertThat(KubernetesConfiguration.resolve(auto, null, null, false)).isEqualTo(Mode.SANDBOX);
        assertThat(KubernetesConfiguration.resolve(auto, "10.0.0.1", null, false)).isEqualTo(Mode.SANDBOX);
        assertThat(KubernetesConfiguration.resolve(auto, "10.0.0.1", null, true)).isEqualTo(Mode.CLUSTER);
        assertThat(KubernetesConfiguration.resolve(auto, null, "/home/me/.kube/prod", false)).isEqualTo(Mode.CLUSTER);
        assertThat(KubernetesConfiguration.resolve(props(null, "/etc/kubeconfig", null), null, null, false)).isEqualTo(Mode.CLUSTER);
        assertThat(KubernetesConfiguration.resolve(props(Mode.SANDBOX, "/etc/kubeconfig", null), "10.0.0.1", "x", true)).isEqualTo(Mode.SANDBOX);
    }

    @Test
    void defaultsAndValidation() {
        var p = props(Mode.SANDBOX, null, List.of(" After-Sales-Prod ", "gateway", ""));
        assertThat(p.namespaces()).containsExactly("after-sales-prod", "gateway");
        assertThat(p.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.rolloutTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> props(Mode.SANDBOX, null, List.of("prod_eu")))
                .isInstanceOf(ConfigurationProblem.class).hasMessageContaining("'prod_eu' is not a valid namespace name");
        assertThatThrownBy(() -> new KubernetesProperties(null, null, null, null, null, Duration.ZERO, null))
                .isInstanceOf(ConfigurationProblem.class).hasMessageContaining("request-timeout");
    }

    @Test
    void aRealClusterNeedsAnAllowList() {
        assertThatThrownBy(() -> new KubernetesConfiguration().clusterConnection(props(Mode.CLUSTER, null, List.of())))
                .isInstanceOf(ConfigurationProblem.class).hasMessageStartingWith("warroom.kubernetes.namespaces must list");
        assertThatThrownBy(() -> new KubernetesConfiguration().clusterConnection(props(Mode.CLUSTER, "/nonexistent/kubeconfig", List.of("gateway"))))
                .isInstanceOf(ConfigurationProblem.class).hasMessage("warroom.kubernetes.kubeconfig: no file at /nonexistent/kubeconfig");
    }
}
