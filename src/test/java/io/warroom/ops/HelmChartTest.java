package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The chart, linted and rendered by Helm itself (embedded) with the defaults, with PostgreSQL and with every
 * option on; the rendered objects are parsed and checked the way a platform team's admission policies would.
 * Longer than most test classes on purpose: one short test per property a platform team checks, all on the
 * same rendering helpers (parsing lives in {@link Manifests}, the README's table in {@link ChartReadme}).
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/warroom");
    static final Path FULL_VALUES = Path.of("src/test/resources/ops/full-values.yaml");
    static final String POSTGRES = "jdbc:postgresql://postgres.db.svc:5432/warroom";

    private final Helm chart = new Helm(CHART);

    private TemplateCommand template() {
        return chart.template().withName("warroom").withNamespace("ops");
    }

    private Manifests render(TemplateCommand command) throws Exception {
        return Manifests.parse(command.call());
    }

    @Test
    void theChartLintsWithoutFindings() {
        var result = chart.lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultsRenderOneH2ReplicaWithoutKubernetesRights() throws Exception {
        Manifests out = render(template());
        assertThat(out.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Service", "Deployment");
        JsonNode deployment = out.one("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").asText()).as("H2: the old pod lets go of the file first")
                .isEqualTo("Recreate");
        assertThat(deployment.at("/spec/template/spec/topologySpreadConstraints").isMissingNode()).isTrue();
        assertThat(out.env("DATABASE_URL")).startsWith("jdbc:h2:file:/data/");
        assertThat(out.env("WARROOM_CONSOLE_ENABLED")).isEqualTo("false");
        assertThat(out.env("WARROOM_ROSTER")).isEqualTo("file:/config/roster/roster.yaml");
        assertThat(out.env("WARROOM_CATALOG_LOCATION")).as("packaged catalog unless one is given").isNull();
        assertThat(out.env("WARROOM_CHECKS_LOCATION")).as("packaged checks unless some are given").isNull();
        assertThat(out.env("WARROOM_PLAYBOOKS_LOCATION")).as("the packaged playbook unless one is given").isNull();
        assertThat(out.env("WARROOM_PUBLIC_URL")).isNull();
        assertThat(out.env("WARROOM_ONCALL_CHANNELS")).isNull();
        assertThat(volume(out, "data").has("emptyDir")).isTrue();
        assertThat(out.container().at("/image").asText()).isEqualTo("warroom:0.1.0");
    }

    @Test
    void postgresRendersTwoReplicasThatSurviveRollsDrainsAndNodeLoss() throws Exception {
        Manifests out = render(template().set("database.url", POSTGRES));
        JsonNode deployment = out.one("Deployment");
        JsonNode pod = deployment.at("/spec/template");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt()).isEqualTo(1);

        JsonNode pdb = out.one("PodDisruptionBudget");
        assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(pod.at("/metadata/labels").properties()).containsAll(pdb.at("/spec/selector/matchLabels").properties());

        List<String> keys = new ArrayList<>();
        for (JsonNode c : pod.at("/spec/topologySpreadConstraints")) {
            keys.add(c.path("topologyKey").asText() + "=" + c.path("whenUnsatisfiable").asText());
            assertThat(c.at("/labelSelector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        }
        assertThat(keys).containsExactlyInAnyOrder("kubernetes.io/hostname=DoNotSchedule",
                "topology.kubernetes.io/zone=ScheduleAnyway");

        int grace = pod.at("/spec/terminationGracePeriodSeconds").asInt();
        JsonNode preStop = out.container().at("/lifecycle/preStop/exec/command");
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        int drain = 20 + 10 + 10 + 10 + 20; // requests, task runner, outbox, command inbox, approved action
        assertThat(grace).as("longer than the pre-stop wait plus Warroom's whole drain")
                .isGreaterThan(preStop.get(1).asInt() + drain);
        assertThat(volume(out, "data")).as("no local database with PostgreSQL").isNull();
        assertThat(out.env("DATABASE_URL")).isEqualTo(POSTGRES);
    }

    @Test
    void everyOptionRendersAndParses() throws Exception {
        Manifests out = render(template().withValuesFile(FULL_VALUES));
        assertThat(out.kinds()).contains("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                "Ingress", "NetworkPolicy", "ServiceMonitor", "PrometheusRule", "Role", "RoleBinding", "ClusterRole",
                "ClusterRoleBinding");
        assertThat(out.container().path("image").asText()).isEqualTo("registry.example.com/platform/warroom@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(out.env("JAVA_TOOL_OPTIONS")).isEqualTo("-XX:+UseG1GC");
        assertThat(out.env("WARROOM_ALERTS_API_URL")).isEqualTo("http://alertmanager-operated.monitoring:9093");
        assertThat(out.env("WARROOM_ALERTS_TOKEN")).as("the alert token comes from the Secret")
                .isEqualTo("<from warroom-secrets>");
        assertThat(out.one("Deployment").at("/spec/template/metadata/annotations").has("prometheus.io/scrape"))
                .as("a ServiceMonitor scrapes it, so annotation discovery must not scrape it again").isFalse();
        JsonNode monitor = out.one("ServiceMonitor");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        assertThat(monitor.at("/spec/selector/matchLabels").properties())
                .isSubsetOf(out.one("Service").at("/metadata/labels").properties());
    }

    @Test
    void everyContainerIsLockedDown() throws Exception {
        for (Manifests out : List.of(render(template()), render(template().withValuesFile(FULL_VALUES)))) {
            assertThat(out.podSpecs()).isNotEmpty();
            for (JsonNode pod : out.podSpecs()) {
                assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
                assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
                assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
                assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
                for (JsonNode c : pod.path("containers")) {
                    JsonNode sc = c.path("securityContext");
                    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(c.path("name").asText()).isTrue();
                    assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                    assertThat(sc.path("privileged").asBoolean(false)).isFalse();
                    assertThat(sc.at("/capabilities/drop").toString()).contains("\"ALL\"");
                    assertThat(sc.at("/capabilities/add").isMissingNode()).isTrue();
                    assertThat(sc.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
                    assertThat(c.at("/resources/limits/memory").asText()).isNotEmpty();
                    assertThat(c.at("/resources/limits/cpu").asText()).isNotEmpty();
                    assertThat(c.at("/resources/requests/memory").asText()).isNotEmpty();
                    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
                    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
                    assertThat(c.at("/startupProbe").isObject()).isTrue();
                }
            }
        }
    }

    @Test
    void rbacNeverUsesWildcardsAndImpersonatesOnlyNamedIdentities() throws Exception {
        Manifests out = render(template().withValuesFile(FULL_VALUES));
        for (String kind : List.of("Role", "ClusterRole")) {
            for (JsonNode role : out.all(kind)) {
                for (JsonNode rule : role.path("rules")) {
                    for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
                        assertThat(rule.path(field).toString()).as("%s %s", kind, field).doesNotContain("*");
                    }
                    assertThat(rule.path("verbs").toString()).doesNotContain("escalate", "bind");
                }
            }
        }
        JsonNode impersonate = out.one("ClusterRole");
        for (JsonNode rule : impersonate.path("rules")) {
            assertThat(rule.path("verbs").toString()).isEqualTo("[\"impersonate\"]");
            assertThat(rule.path("resourceNames").size()).as("only the named identities").isPositive();
        }
        assertThat(out.env("WARROOM_KUBERNETES_MODE")).isEqualTo("cluster");
        assertThat(out.env("WARROOM_KUBERNETES_NAMESPACES")).isEqualTo("after-sales-prod,gateway");
    }

    @Test
    void theIngressRoutesOnlyThePlatformEndpoints() throws Exception {
        JsonNode ingress = render(template().withValuesFile(FULL_VALUES)).one("Ingress");
        List<String> paths = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode p : rule.at("/http/paths")) {
                paths.add(p.path("path").asText());
                assertThat(p.path("pathType").asText()).as("no prefix match can reach other paths").isEqualTo("Exact");
                assertThat(p.at("/backend/service/name").asText()).isEqualTo("warroom");
            }
        }
        assertThat(paths).containsExactlyInAnyOrder("/slack/events", "/feishu/events", "/alerts/alertmanager");
        assertThat(paths).noneMatch(p -> p.startsWith("/console") || p.startsWith("/actuator") || p.equals("/")
                || p.startsWith("/sandbox") || p.startsWith("/incidents"));
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("warroom-tls");

        Path slackOnlyValues = Files.createTempFile("slack-only", ".yaml");
        Files.writeString(slackOnlyValues, "ingress: {enabled: true, hosts: [w.example.com], endpoints: [slack]}\n");
        JsonNode slackOnly = render(template().withValuesFile(slackOnlyValues)).one("Ingress");
        Files.delete(slackOnlyValues);
        assertThat(slackOnly.at("/spec/rules/0/http/paths").size()).isEqualTo(1);
        assertThatThrownBy(() -> template().set("ingress.enabled", "true").set("ingress.hosts[0]", "w.example.com")
                .set("ingress.endpoints[0]", "console").call()).hasMessageContaining("ingress.endpoints");
        assertThatThrownBy(() -> template().set("ingress.enabled", "true").call())
                .hasMessageContaining("ingress.enabled needs ingress.hosts");
    }

    @Test
    void theNetworkPolicyLetsInOnlyTheIngressAndMonitoringAndOutOnlyWhatWarroomCalls() throws Exception {
        JsonNode policy = render(template().withValuesFile(FULL_VALUES)).one("NetworkPolicy");
        assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
        JsonNode ingress = policy.at("/spec/ingress");
        assertThat(ingress.size()).isEqualTo(1);
        assertThat(ingress.at("/0/ports").toString()).isEqualTo("[{\"port\":\"http\",\"protocol\":\"TCP\"}]");
        assertThat(ingress.at("/0/from").toString()).contains("ingress-nginx", "monitoring");
        List<String> egressPorts = new ArrayList<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            rule.path("ports").forEach(p -> egressPorts.add(p.path("port").asText() + "/" + p.path("protocol").asText()));
        }
        assertThat(egressPorts).containsExactlyInAnyOrder("53/UDP", "53/TCP", "5432/TCP", "443/TCP", "6443/TCP", "443/TCP");
        assertThat(policy.at("/spec/egress").toString()).contains("10.0.0.1/32", "kubernetes.io/metadata.name\":\"db\"",
                "\"except\":[\"10.0.0.0/8\"");
        JsonNode minimal = render(template().set("networkPolicy.enabled", "true")).one("NetworkPolicy");
        assertThat(minimal.at("/spec/egress").toString()).as("no database or API server rule when unused")
                .doesNotContain("5432", "6443");
        assertThat(minimal.at("/spec/ingress/0/from").toString()).as("no Ingress, no ingress controller")
                .doesNotContain("ingress-nginx");
    }

    @Test
    void secretsAreNeverRenderedIntoConfigMapsOrPlainEnv() throws Exception {
        String secret = "xoxb-do-not-leak-123";
        Manifests out = render(template().set("secret.create", "true").set("secret.values.SLACK_BOT_TOKEN", secret)
                .set("secret.values.WARROOM_ALERTS_TOKEN", "alert-token-0123456789"));
        for (JsonNode o : out.objects()) {
            if (!o.path("kind").asText().equals("Secret")) {
                assertThat(o.toString()).as(o.path("kind").asText()).doesNotContain(secret, "alert-token-0123456789");
            }
        }
        assertThat(out.one("Secret").at("/stringData/SLACK_BOT_TOKEN").asText()).isEqualTo(secret);
        assertThat(out.env("SLACK_BOT_TOKEN")).isEqualTo("<from warroom-secrets>");
        assertThat(out.env("WARROOM_ALERTS_TOKEN")).isEqualTo("<from warroom-secrets>");

        Manifests existing = render(template().set("existingSecret", "mine").set("secret.create", "true")
                .set("secret.values.SLACK_BOT_TOKEN", secret));
        assertThat(existing.all("Secret")).as("an existing Secret wins; nothing is created").isEmpty();
        assertThat(existing.env("DATABASE_PASSWORD")).isEqualTo("<from mine>");
    }

    @Test
    void dataFilesAreMountedFromConfigMapsWithTheSettingThatPointsAtThem() throws Exception {
        Manifests out = render(template().withValuesFile(FULL_VALUES));
        assertThat(out.env("WARROOM_CATALOG_LOCATION")).isEqualTo("file:/config/commands/*.yaml");
        assertThat(out.env("WARROOM_APPROVALS_LOCATION")).isEqualTo("file:/config/approvals/*.yaml");
        assertThat(out.env("WARROOM_ALERTS_ROUTING")).isEqualTo("file:/config/alert-routing/routing.yaml");
        assertThat(out.env("WARROOM_ALERTS_RUNBOOKS")).isEqualTo("file:/config/alert-runbooks/*.yaml");
        assertThat(out.env("WARROOM_CHECKS_LOCATION")).isEqualTo("file:/config/checks/*.yaml");
        assertThat(out.env("WARROOM_PLAYBOOKS_LOCATION")).isEqualTo("file:/config/playbooks/*.yaml");
        assertThat(volume(out, "playbooks").at("/configMap/name").asText()).isEqualTo("team-playbooks");
        assertThat(out.env("WARROOM_PUBLIC_URL")).isEqualTo("https://warroom.example.com");
        assertThat(render(template().set("existingSecret", "mine")).env("WARROOM_INCIDENT_RECORD_TOKEN"))
                .as("the record token comes from the Secret").isEqualTo("<from mine>");
        assertThat(out.env("WARROOM_ONCALL_CHANNELS")).isEqualTo("slack:C0ONCALL,feishu:oc_1a2b3c");
        assertThat(volume(out, "checks").at("/configMap/name").asText()).isEqualTo("warroom-checks");
        assertThat(volume(out, "approvals").at("/configMap/name").asText()).isEqualTo("team-policies");
        assertThat(volume(out, "alert-runbooks").at("/configMap/name").asText()).isEqualTo("team-runbooks");
        assertThat(volume(out, "alert-routing").at("/configMap/name").asText()).isEqualTo("warroom-alert-routing");
        List<String> configMaps = out.all("ConfigMap").stream().map(c -> c.at("/metadata/name").asText()).toList();
        assertThat(configMaps).containsExactlyInAnyOrder("warroom-roster", "warroom-catalog", "warroom-alert-routing",
                "warroom-checks");
        for (JsonNode mount : out.container().path("volumeMounts")) {
            if (mount.path("mountPath").asText().startsWith("/config/")) {
                assertThat(mount.path("readOnly").asBoolean()).isTrue();
            }
        }

        String before = checksum(out);
        String after = checksum(render(template().withValuesFile(FULL_VALUES)
                .set("alertRouting.files.routing\\.yaml", "channels: {changed: true}")));
        assertThat(after).as("a changed file rolls the pods").isNotEqualTo(before);

        assertThatThrownBy(() -> template().set("alertRouting.files.other\\.yaml", "x: 1").call())
                .hasMessageContaining("alertRouting.files: Warroom reads one file here, routing.yaml");
        assertThatThrownBy(() -> template().set("catalog.files.k8s\\.yml", "x: 1").call())
                .hasMessageContaining("must end in .yaml");
    }

    @Test
    void h2PersistenceKeepsTheFileOnAClaim() throws Exception {
        Manifests out = render(template().set("h2.persistence.enabled", "true"));
        JsonNode claim = out.one("PersistentVolumeClaim");
        assertThat(volume(out, "data").at("/persistentVolumeClaim/claimName").asText())
                .isEqualTo(claim.at("/metadata/name").asText());
        assertThat(out.one("Deployment").at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    }

    @Test
    void unsafeValuesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> template().set("replicaCount", "2").call())
                .hasMessageContaining("replicaCount 2 needs PostgreSQL: set database.url");
        assertThatThrownBy(() -> template().set("replicaCount", "two").call())
                .hasMessageContaining("replicaCount: Invalid type");
        assertThatThrownBy(() -> template().set("replicas", "2").call())
                .hasMessageContaining("Additional property replicas is not allowed");
        assertThatThrownBy(() -> template().set("ingress.enabled", "yes").call())
                .hasMessageContaining("ingress.enabled: Invalid type");
        assertThatThrownBy(() -> template().set("securityContext.readOnlyRootFilesystem", "false").call())
                .hasMessageContaining("readOnlyRootFilesystem");
        assertThatThrownBy(() -> template().set("database.url", "jdbc:mysql://db/warroom").call())
                .hasMessageContaining("database.url");
        assertThatThrownBy(() -> template().set("database.url", POSTGRES).set("terminationGracePeriodSeconds", "30").call())
                .hasMessageContaining("terminationGracePeriodSeconds 30 is too short");
        assertThatThrownBy(() -> template().set("kubernetes.enabled", "true").set("kubernetes.namespaces", "null").call())
                .hasMessageContaining("kubernetes.enabled needs kubernetes.namespaces");
        assertThatThrownBy(() -> template().set("oncall.channels[0]", "C0ONCALL").call())
                .hasMessageContaining("oncall.channels.0");
        assertThatThrownBy(() -> template().set("checks.files.daily\\.yaml", "lists: []").set("checks.paths", "x").call())
                .hasMessageContaining("Additional property paths is not allowed");
    }

    @Test
    void theNotesSayWhereToPointThePlatforms() {
        String notes = chart.install().withName("warroom").withNamespace("ops").dryRun().clientOnly()
                .withValuesFile(FULL_VALUES).call().getOutput();
        assertThat(notes).contains("https://warroom.example.com/slack/events", "https://warroom.example.com/feishu/events",
                "http://warroom.ops.svc:8080/alerts/alertmanager", "2 replicas");
        String h2 = chart.install().withName("warroom").withNamespace("ops").dryRun().clientOnly().call().getOutput();
        assertThat(h2).contains("database.url is empty", "There is no Ingress", "neither existingSecret nor secret.create",
                "oncall.channels is empty");
        assertThat(notes).doesNotContain("oncall.channels is empty");
    }

    @Test
    void everyValueIsDocumentedInTheReadme() throws Exception {
        Set<String> documented = ChartReadme.documentedValues(Files.readString(CHART.resolve("README.md")));
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(CHART.resolve("values.yaml").toFile());
        List<String> paths = new ArrayList<>();
        ChartReadme.valuePaths("", values, paths);
        assertThat(paths).hasSizeGreaterThan(50);
        for (String path : paths) {
            assertThat(documented).as("README.md's Values table documents %s", path)
                    .anyMatch(d -> path.equals(d) || path.startsWith(d + "."));
        }
        assertThat(documented).as("the table names no value that does not exist")
                .allMatch(d -> paths.stream().anyMatch(p -> p.equals(d) || p.startsWith(d + ".")));
    }

    private static String checksum(Manifests out) {
        return out.one("Deployment").at("/spec/template/metadata/annotations/checksum~1data").asText();
    }

    private static JsonNode volume(Manifests out, String name) {
        return StreamSupport.stream(out.one("Deployment").at("/spec/template/spec/volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals(name)).findFirst().orElse(null);
    }
}
