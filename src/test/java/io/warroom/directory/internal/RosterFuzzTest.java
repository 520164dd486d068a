package io.warroom.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.shared.ConfigurationProblem;
import io.warroom.support.Mutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.springframework.core.io.ByteArrayResource;

/**
 * Damaged rosters load or are refused with file and line, never a crash; a roster that loads never maps one
 * platform identity to two people and answers "who is on duty" for any instant.
 */
class RosterFuzzTest {

    static final String ROSTER;

    static {
        try {
            ROSTER = Files.readString(Path.of("bot/roster/demo-roster.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 500)
    void aDamagedRosterLoadsOrIsRefusedWithFileAndLine(@ForAll long seed) {
        String text = Mutations.text(ROSTER, new Random(seed));
        RosterDirectory directory;
        try {
            directory = new RosterDirectory(new RosterLoader("UTC"), new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "roster.yaml";
                }
            });
        } catch (ConfigurationProblem e) {
            assertThat(e.getMessage()).matches("(?s)Roster roster\\.yaml(:\\d+)?[ :].*");
            return;
        }
        var slack = new HashSet<String>();
        var feishu = new HashSet<String>();
        directory.people().forEach(p -> {
            assertThat(p.slackId() == null || slack.add(p.slackId())).isTrue();
            assertThat(p.feishuOpenId() == null || feishu.add(p.feishuOpenId())).isTrue();
        });
        new Random(seed).longs(5, 0, 4_000_000_000L).forEach(s -> directory.onDuty(Instant.ofEpochSecond(s)));
    }
}
