package io.warroom.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** The roster the Helm chart ships in its values is one Warroom accepts, with someone on duty. */
class HelmRosterTest {

    @Test
    void theChartsRosterLoads() throws Exception {
        String rendered = new Helm(Path.of("helm/warroom")).template().withName("warroom").call();
        String roster = null;
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(rendered)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && "ConfigMap".equals(doc.path("kind").asText()) && doc.path("data").has("roster.yaml")) {
                    roster = doc.path("data").path("roster.yaml").asText();
                }
            }
        }
        assertThat(roster).as("the chart renders a roster ConfigMap").isNotBlank();
        var directory = new RosterDirectory(new RosterLoader("Asia/Shanghai"),
                new ByteArrayResource(roster.getBytes(StandardCharsets.UTF_8)));
        assertThat(directory.people()).isNotEmpty();
        assertThat(directory.onDuty(Instant.parse("2026-03-04T03:00:00Z"))).isNotEmpty();
    }
}
