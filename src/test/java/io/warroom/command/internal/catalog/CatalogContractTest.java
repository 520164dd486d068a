package io.warroom.command.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.shared.YamlFiles;
import io.warroom.support.FakeGateway;
import io.warroom.support.TestGateways;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.FileSystemResource;

/**
 * The shipped catalog as a tested contract (StackStorm's alias tests are the model): every example in
 * {@code commands/*.yaml} is typed into a channel of the running application, against the sandbox cluster
 * and the HTTP sandbox. A read answers in the channel without an error; a change or dangerous command posts
 * an approval card whose preview worked and, for Kubernetes, whose server-side dry run was accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:catalog-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.delivery.paused=true", "warroom.schedule.paused=true",
        "warroom.kubernetes.mode=sandbox", "warroom.http.sandbox=on",
        "warroom.delivery.limits.slack.per-channel.per-second=1000", "warroom.delivery.limits.slack.per-channel.burst=1000",
        "warroom.delivery.limits.slack.per-app.per-second=10000", "warroom.delivery.limits.slack.per-app.burst=10000"})
@Import({TestGateways.class, DrainForTests.class})
class CatalogContractTest {

    /** Zhao Liu (demo roster): SRE and tech lead, so every policy lets him ask. */
    static final Actor ZHAO = new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao");

    @Autowired Commands commands;
    @Autowired FakeGateway slack;
    @Autowired DrainForTests drain;

    record Example(String file, CommandSpec command, String text) {
    }

    static List<Example> examples() throws IOException {
        List<Example> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("commands"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                var parsed = YamlFiles.parse(new FileSystemResource(file), CatalogLoader.CatalogFile.class, "Catalog");
                for (CommandSpec c : parsed.value().commands()) {
                    c.examples().stream().filter(e -> e.error() == null)
                            .forEach(e -> all.add(new Example(file.getFileName().toString(), c, e.text())));
                }
            }
        }
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyShippedExampleRunsAgainstTheSandboxes() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.file() + " " + e.command().id() + ": " + e.text(), () -> run(e)));
    }

    private void run(Example e) {
        Conversation channel = Conversation.of(Platform.SLACK, "CC" + UUID.randomUUID().toString().substring(0, 8));
        commands.handle(new InboundCommand(channel, ZHAO, e.text()));
        drain.drain();
        List<FakeGateway.Call> calls = slack.calls(channel.channel());
        assertThat(calls).as("an answer to %s", e.text()).isNotEmpty();
        FakeGateway.Call answer = calls.get(0);
        OutboundMessage m = answer.message();
        if (e.command().risk().equals("read")) {
            assertThat(answer.visibleTo()).as("a read answers in the channel: %s", m.fallbackText()).isNull();
            assertThat(m.tone()).as(m.fallbackText()).isNotEqualTo(OutboundMessage.Tone.DANGER);
            assertThat(m.header()).isEqualTo("/warroom " + e.text());
            return;
        }
        assertThat(m.header()).as(m.fallbackText()).isEqualTo("Approval needed: " + e.text());
        assertThat(m.buttons()).extracting(OutboundMessage.Button::actionId).contains("approval.approve");
        String dryRun = m.fields().stream().filter(f -> f.label().equals("Dry run")).map(OutboundMessage.Field::value)
                .findFirst().orElseThrow();
        if (e.command().action().executor().equals("kubernetes")) {
            assertThat(dryRun).startsWith("Accepted by the API server as impersonating warroom-operator");
        } else {
            assertThat(dryRun).startsWith("No dry run");
        }
    }
}
