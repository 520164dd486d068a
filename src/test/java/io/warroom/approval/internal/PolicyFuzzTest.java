package io.warroom.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.shared.ConfigurationProblem;
import io.warroom.support.Mutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.springframework.core.io.ByteArrayResource;

/**
 * Damaged policy files load or are refused with file and line, never a crash; and nothing that loads
 * weakens the two-person rule.
 */
class PolicyFuzzTest {

    static final String POLICIES;

    static {
        try {
            POLICIES = Files.readString(Path.of("approvals/policies.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 500)
    void aDamagedPolicyFileLoadsOrIsRefusedWithFileAndLine(@ForAll long seed) {
        String text = Mutations.text(POLICIES, new Random(seed));
        List<Policy> policies;
        try {
            policies = new PolicyLoader().load(List.of(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "policies.yaml";
                }
            }));
        } catch (ConfigurationProblem e) {
            assertThat(e.getMessage()).matches("(?s)(Policies policies\\.yaml(:\\d+)?[ :]|No approval policies found).*");
            return;
        }
        for (Policy p : policies) {
            if (p.risks().contains("change") || p.risks().contains("dangerous")) {
                assertThat(p.approvals()).as(p.id()).isBetween(1, 5);
                assertThat(p.approvers().isEmpty()).as(p.id()).isFalse();
            }
            assertThat(p.ttl()).isBetween(Duration.ofSeconds(30), Duration.ofHours(24));
        }
    }
}
