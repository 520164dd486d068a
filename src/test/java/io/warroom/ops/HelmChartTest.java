package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Helm chart lints and renders what an operator gets, with Helm itself (embedded), in the normal test run. */
class HelmChartTest {

    private final Helm chart = new Helm(Path.of("helm/warroom"));

    @Test
    void theChartLintsWithoutFindings() {
        var result = chart.lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultsRenderAWorkingSingleReplicaWithoutKubernetesRights() {
        String out = chart.template().withName("warroom").withNamespace("ops").call();
        assertThat(out).contains("kind: Deployment", "kind: Service", "kind: ServiceAccount", "kind: ConfigMap",
                "/actuator/health/liveness", "/actuator/health/readiness", "WARROOM_ROSTER",
                "runAsNonRoot: true", "readOnlyRootFilesystem: true");
        assertThat(out).as("no RBAC unless Kubernetes actions are enabled")
                .doesNotContain("kind: Role", "kind: ClusterRole", "impersonate");
        assertThat(out).as("the console is off in a cluster").contains("WARROOM_CONSOLE_ENABLED");
    }

    @Test
    void kubernetesActionsGetLeastPrivilegeRbacPerNamespace() {
        String out = chart.template().withName("warroom").withNamespace("ops")
                .set("kubernetes.enabled", "true").call();
        assertThat(out).contains("kind: Role", "kind: RoleBinding", "kind: ClusterRole", "impersonate",
                "warroom-operator", "warroom:operators", "namespace: \"after-sales-prod\"", "namespace: \"gateway\"",
                "WARROOM_KUBERNETES_MODE", "WARROOM_KUBERNETES_NAMESPACES");
        assertThat(out).as("Warroom's own account reads; only the impersonated operator may change things")
                .contains("pods/log", "deployments/scale");
    }

    @Test
    void anIncidentPlaybookAndThePublicUrlAreMountedAndSet() {
        String out = chart.template().withName("warroom").withNamespace("ops")
                .set("playbooks.files.incidents\\.yaml", "severities: {P0: {warRoom: true}}")
                .set("incident.publicUrl", "https://warroom.example.com").call();
        assertThat(out).contains("warroom-playbooks", "incidents.yaml", "WARROOM_PLAYBOOKS_LOCATION",
                "file:/config/playbooks/*.yaml", "mountPath: /config/playbooks", "WARROOM_PUBLIC_URL",
                "https://warroom.example.com");
        assertThat(chart.template().withName("warroom").call()).as("the packaged playbook by default")
                .doesNotContain("WARROOM_PLAYBOOKS_LOCATION", "WARROOM_PUBLIC_URL");
    }

    @Test
    void unsafeValuesAreRefusedWhenRendering() {
        assertThatThrownBy(() -> chart.template().set("replicaCount", "2").call())
                .hasMessageContaining("replicaCount > 1 needs PostgreSQL");
        assertThatThrownBy(() -> chart.template().set("kubernetes.enabled", "true").set("kubernetes.namespaces", "null").call())
                .hasMessageContaining("kubernetes.enabled needs kubernetes.namespaces");
    }

    @Test
    void ownChecksAreMountedAndReplaceThePackagedOnes() {
        String out = new Helm(Path.of("helm/warroom")).template().withName("warroom").withNamespace("ops")
                .set("checks.files.daily\\.yaml", "lists: []").call();
        assertThat(out).contains("name: \"warroom-checks\"", "WARROOM_CHECKS_LOCATION", "file:/config/checks/*.yaml",
                "mountPath: /config/checks");
        assertThat(chart.template().withName("warroom").call()).doesNotContain("WARROOM_CHECKS_LOCATION");
    }
}
