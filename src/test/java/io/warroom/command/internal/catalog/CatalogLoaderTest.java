package io.warroom.command.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.action.ActionExecutors;
import io.warroom.shared.ConfigurationProblem;
import io.warroom.support.TestExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

class CatalogLoaderTest {

    private final CatalogLoader loader = new CatalogLoader(new ActionExecutors(List.of(new TestExecutor())));

    private static Resource file(String name, String yaml) {
        return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static final String GOOD = """
            commands:
              - id: t.status
                words: [status]
                usage: status <deployment>
                description: {en: Status., zh-CN: 状态。}
                risk: read
                params:
                  - {name: deployment, type: name, positional: true, required: true}
                action: {executor: test, operation: status, target: "{deployment}"}
                examples:
                  - {text: status backend, params: {deployment: backend}}
            """;

    @Test
    void theTestCatalogLoadsAndItsExamplesHold() {
        var commands = loader.load(List.of(new ClassPathResource("test-catalog/test.yaml")));
        assertThat(commands).extracting(CatalogCommand::id).containsExactly("test.scale", "test.revoke", "test.status");
        assertThat(commands.get(0).source()).isEqualTo("test.yaml:3");
    }

    @Test
    void mistakesNameFileLineAndReason() {
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", GOOD.replace("risk: read", "risk: read\n    colour: red")))))
                .isInstanceOf(ConfigurationProblem.class).hasMessageStartingWith("Catalog k8s.yaml:7: unknown key 'colour'");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", GOOD.replace("params: {deployment: backend}", "params: {deployment: frontend}")))))
                .hasMessageContaining("Catalog k8s.yaml:11 (t.status): example 'status backend' parses to {deployment=backend}, expected {deployment=frontend}");
        assertThatThrownBy(() -> loader.load(List.of(file("a.yaml", GOOD), file("b.yaml", GOOD))))
                .hasMessageContaining("Catalog b.yaml:2 (t.status): duplicate id");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", GOOD.replace("operation: status", "operation: explode")))))
                .hasMessageContaining("executor 'test' has no operation 'explode'");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", GOOD.replace("target: \"{deployment}\"", "target: \"{pod}\"")))))
                .hasMessageContaining("action uses {pod}, which is not a parameter");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", GOOD.replace("type: name", "type: colour")))))
                .hasMessageContaining("unknown parameter type 'colour'");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", GOOD.replace("risk: read", "risk: spicy")))))
                .hasMessageContaining("risk 'spicy' must be read, change or dangerous");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", GOOD.replace("      - {text: status backend, params: {deployment: backend}}\n", "      - {text: status backend, error: missing}\n")))))
                .hasMessageContaining("should fail with 'missing' but parsed");
    }

    @Test
    void mistakesInTheSecondEntryNameTheirOwnLine() {
        String two = GOOD + GOOD.substring("commands:\n".length()).replace("t.status", "t.pods").replace("[status]", "[pods]")
                .replace("status backend", "pods backend").replace("usage: status", "usage: pods");
        assertThat(loader.load(List.of(file("k8s.yaml", two)))).hasSize(2);
        // line 12 is the second entry's "- id:"; its params start on line 18
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", two.replace("t.pods\n    words", "t.pods\n    word: x\n    words")))))
                .hasMessageStartingWith("Catalog k8s.yaml:13: unknown key 'word'");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", two.replaceFirst("(?s)(.*)type: name", "$1type: colour")))))
                .hasMessage("Catalog k8s.yaml:18 (t.pods): unknown parameter type 'colour'");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", two.replaceFirst("(?s)(.*)params: \\{deployment: backend}", "$1params: {deployment: frontend}")))))
                .hasMessageStartingWith("Catalog k8s.yaml:21 (t.pods): example 'pods backend' parses to");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", two.replaceFirst("(?s)(.*)risk: read", "$1risk: spicy")))))
                .hasMessageStartingWith("Catalog k8s.yaml:12 (t.pods): risk 'spicy'");
    }

    @Test
    void aParameterTheExecutorDoesNotTakeIsRefused() {
        String scale = """
                commands:
                  - id: t.scale
                    words: [scale]
                    usage: scale <deployment> --replicas <n>
                    description: {en: Scale., zh-CN: 扩缩。}
                    risk: change
                    params:
                      - {name: deployment, type: name, positional: true, required: true}
                      - {name: replicas, type: integer, flags: [--replicas], required: true}
                    action:
                      executor: test
                      operation: scale
                      target: "{deployment}"
                      parameters:
                        replicas: "{replicas}"
                    examples:
                      - {text: scale backend --replicas 2, params: {deployment: backend, replicas: "2"}}
                """;
        assertThat(loader.load(List.of(file("k8s.yaml", scale)))).hasSize(1);
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", scale.replace("replicas: \"{replicas}\"", "replicas: \"{replicas}\"\n        lines: \"{replicas}\"")))))
                .hasMessage("Catalog k8s.yaml:16 (t.scale): executor 'test' operation 'scale' takes no parameter 'lines' (it takes: replicas)");
        assertThatThrownBy(() -> loader.load(List.of(file("k8s.yaml", scale.replace("    examples:", "      body: {x: \"{replicas}\"}\n    examples:")))))
                .hasMessage("Catalog k8s.yaml:16 (t.scale): executor 'test' operation 'scale' takes no body");
    }

    @Test
    void durationsReadOneWayEverywhere() {
        String yaml = GOOD.replace("      - {name: deployment, type: name, positional: true, required: true}",
                "      - {name: deployment, type: name, positional: true, required: true}\n"
                        + "      - {name: since, type: duration, flags: [--since], default: 1h, maxDuration: PT24H}")
                .replace("params: {deployment: backend}", "params: {deployment: backend, since: 1h}");
        var c = loader.load(List.of(file("k8s.yaml", yaml))).get(0);
        assertThat(ArgumentParser.parse(c.params(), List.of("backend", "--since", "1h30m"))).containsEntry("since", "1h30m");
        assertThat(ArgumentParser.parse(c.params(), List.of("backend", "--since", "PT15M"))).containsEntry("since", "15m");
        assertThatThrownBy(() -> ArgumentParser.parse(c.params(), List.of("backend", "--since", "2d"))).isInstanceOf(ParamException.class);
    }

    @Test
    void pathPlaceholdersAreUrlEncodedAndBodyValuesJsonEncoded() {
        var revoke = loader.load(List.of(new ClassPathResource("test-catalog/test.yaml"))).get(1);
        var action = revoke.toAction(Map.of("id", "a/b c", "reason", "say \"hi\"\n"));
        assertThat(action.parameter("path")).isEqualTo("/admin/apikeys/a%2Fb%20c/revoke");
        assertThat(action.parameter("body")).isEqualTo("{\"reason\":\"say \\\"hi\\\"\\n\"}");
    }

    @Test
    void theShippedCatalogFillsWorkingActions() {
        var executors = new ActionExecutors(List.of(new TestExecutor(), stub("kubernetes", "pods", "logs",
                "rollout-status", "rollout-history", "cronjobs", "restart", "undo", "scale", "set-image", "delete-pod"),
                stub("http", "probe", "prometheus", "request")));
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        Resource[] files;
        try {
            files = resolver.getResources("file:commands/*.yaml");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var catalog = new Catalog(new CatalogLoader(executors).load(List.of(files)));
        var health = catalog.match(List.of("health")).orElseThrow();
        assertThat(catalog.bind(health, List.of("health", "gateway")).command()
                .toAction(Map.of("service", "gateway", "path", "/health")).parameter("path")).isEqualTo("/health");
        var revoke = catalog.match(List.of("apikey", "revoke")).orElseThrow();
        assertThat(revoke.toAction(Map.of("id", "../x", "reason", "r")).parameter("path"))
                .isEqualTo("/admin/apikeys/..%2Fx/revoke");
        var metrics = catalog.match(List.of("metrics")).orElseThrow();
        assertThat(metrics.toAction(Map.of("service", "backend", "window", "5m")).parameter("query.error_rate"))
                .isEqualTo("sum(rate(http_requests_total{service=\"backend\",status=~\"5..\"}[5m])) "
                        + "/ sum(rate(http_requests_total{service=\"backend\"}[5m]))");
    }

    private static io.warroom.action.ActionExecutor stub(String name, String... operations) {
        return new io.warroom.action.ActionExecutor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public java.util.Set<String> operations() {
                return java.util.Set.of(operations);
            }

            @Override
            public java.util.Set<String> parameters(String operation) {
                return java.util.Set.of("method", "path", "body", "state", "query.", "since", "tail", "previous", "grep", "container",
                        "replicas", "image");
            }

            @Override
            public io.warroom.action.Preview preview(io.warroom.action.ActionSpec spec, io.warroom.action.RunAs runAs) {
                throw new UnsupportedOperationException();
            }

            @Override
            public io.warroom.action.ActionResult execute(io.warroom.action.ActionSpec spec, io.warroom.action.RunAs runAs) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void parameterTypesCheckTheirValues() {
        Param image = new Param("image", ParamType.IMAGE, true, List.of(), true, null, null, null, null, List.of(), null, null);
        assertThat(ParamType.IMAGE.normalise(image, "registry.example.com:5000/team/app:1.2.3")).isNotNull();
        assertThatThrownBy(() -> ParamType.IMAGE.normalise(image, "app:1.0;rm -rf /")).hasMessageContaining("image reference");
        Param ip = new Param("ip", ParamType.IP, true, List.of(), true, null, null, null, null, List.of(), null, null);
        assertThat(ParamType.IP.normalise(ip, "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ParamType.IP.normalise(ip, "2001:db8::1/64")).isEqualTo("2001:db8::1/64");
        assertThatThrownBy(() -> ParamType.IP.normalise(ip, "300.1.1.1")).hasMessageContaining("IPv4 or IPv6");
        Param ttl = new Param("ttl", ParamType.DURATION, false, List.of("--ttl"), false, "24h", null, null,
                java.time.Duration.ofDays(7), List.of(), null, null);
        assertThat(ParamType.DURATION.normalise(ttl, "30M")).isEqualTo("30m");
        assertThatThrownBy(() -> ParamType.DURATION.normalise(ttl, "8d")).hasMessageContaining("at most 7d");
        assertThatThrownBy(() -> ParamType.DURATION.normalise(ttl, "0s")).hasMessageContaining("longer than zero");
    }
}
