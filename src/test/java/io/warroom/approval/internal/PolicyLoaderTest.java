package io.warroom.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.shared.ConfigurationProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** Policy files: mistakes name the line they are on, durations read like everywhere else. */
class PolicyLoaderTest {

    static final String POLICIES = """
            # approvals
            policies:
              - id: reads
                covers: {risks: [read]}
              - id: changes
                description: Changes need an SRE
                covers:
                  risks: [change]
                approvers:
                  groups: [sre]
                approvals: 1
                ttl: 1h30m
                runAs: {user: warroom-operator, groups: [sre]}
            """;

    static Resource file(String yaml) {
        return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "policies.yaml";
            }
        };
    }

    static List<Policy> load(String yaml) {
        return new PolicyLoader().load(List.of(file(yaml)));
    }

    @Test
    void durationsAreTheOneFormat() {
        assertThat(load(POLICIES).get(1).ttl()).isEqualTo(Duration.ofMinutes(90));
        assertThat(load(POLICIES.replace("ttl: 1h30m", "ttl: PT20M")).get(1).ttl()).isEqualTo(Duration.ofMinutes(20));
        assertThatThrownBy(() -> load(POLICIES.replace("ttl: 1h30m", "ttl: soon")))
                .hasMessage("Policies policies.yaml:5 (changes): ttl 'soon' must look like 15m, 1h30m or PT15M");
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> load(POLICIES.replace("      groups: [sre]\n", "      groups: [sre]\n      team: [ops]\n")))
                .isInstanceOf(ConfigurationProblem.class).hasMessageStartingWith("Policies policies.yaml:11: unknown key 'team'");
        assertThatThrownBy(() -> load(POLICIES.replace("approvals: 1", "approvals: one")))
                .hasMessageStartingWith("Policies policies.yaml:11: 'approvals': ");
        assertThatThrownBy(() -> load(POLICIES.replace("risks: [change]", "risks: [change, spicy]")))
                .hasMessage("Policies policies.yaml:5 (changes): unknown risk 'spicy'");
        assertThatThrownBy(() -> load(POLICIES.replace("  - id: changes", "  - id: reads")))
                .hasMessage("Policies policies.yaml:5 (reads): duplicate id");
    }
}
