package io.warroom.command.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.shared.YamlFiles;
import io.warroom.directory.Directory;
import io.warroom.support.ChineseOnly;
import io.warroom.support.FakeGateway;
import io.warroom.timeline.Timeline;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.warroom.support.TestGateways;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
        "warroom.kubernetes.mode=sandbox", "warroom.http.sandbox=on", "warroom.locale.channels[slack\\:CZHCN]=zh-CN",
        "warroom.delivery.limits.slack.per-channel.per-second=1000", "warroom.delivery.limits.slack.per-channel.burst=1000",
        "warroom.delivery.limits.slack.per-app.per-second=10000", "warroom.delivery.limits.slack.per-app.burst=10000",
        "warroom.delivery.limits.slack.per-method.update.per-second=10000", "warroom.delivery.limits.slack.per-method.update.burst=10000",
        "warroom.delivery.limits.slack.per-method.ephemeral.per-second=10000", "warroom.delivery.limits.slack.per-method.ephemeral.burst=10000"})
@Import({TestGateways.class, DrainForTests.class})
class CatalogContractTest {

    /** Zhao Liu (demo roster): SRE and tech lead, so every policy lets him ask. */
    static final Actor ZHAO = new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao");

    static final Actor LI = new Actor(Platform.SLACK, "U0LISI", "li");
    static final Actor SUN = new Actor(Platform.SLACK, "U0SUNBA", "sun");

    @Autowired Commands commands;
    @Autowired FakeGateway slack;
    @Autowired DrainForTests drain;
    @Autowired ActionRouter actions;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;

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

    /**
     * The same examples in a channel whose language is Chinese, the changes approved and run to their end:
     * nothing Warroom writes there is English, apart from names, ids and commands.
     */
    @TestFactory
    Stream<DynamicTest> inAChineseChannelEveryWordIsChinese() throws IOException {
        // The sandbox's change-cause annotations ("release 2.4.1") are the cluster's words, shown as they are.
        // ... and so is the name of the sandbox's StatefulSet, "redis".
        Set<String> names = new HashSet<>(Set.of("release", "redis"));
        directory.people().forEach(p -> names.addAll(List.of(p.name().split("\\s+"))));
        return examples().stream().map(e -> DynamicTest.dynamicTest("zh-CN " + e.command().id() + ": " + e.text(), () -> {
            Conversation zh = Conversation.of(Platform.SLACK, "CZHCN");
            int before = slack.calls(zh.channel()).size();
            commands.handle(new InboundCommand(zh, ZHAO, e.text()));
            drain.drain();
            var card = slack.calls(zh.channel()).get(before).message();
            if (!e.command().risk().equals("read")) {
                String id = card.buttons().stream().filter(b -> b.actionId().equals("approval.approve")).findFirst().orElseThrow().value();
                Actor approver = e.command().risk().equals("dangerous") ? SUN : LI;
                var outcome = actions.route(new InboundAction(zh, approver, "approval.approve", id, null));
                assertThat(ChineseOnly.englishWords(OutboundMessage.text(outcome.message()), names)).isEmpty();
                await().atMost(Duration.ofSeconds(40)).until(() -> {
                    drain.drain();
                    String state = jdbc.sql("select state from approval_request where public_id = ?").param(id).query(String.class).single();
                    boolean followed = !followable(e) || !state.equals("EXECUTED") || timeline.entries(zh.stream()).stream()
                            .anyMatch(x -> x.kind().equals("action.rollout-finished") && x.details().contains(id));
                    return !state.equals("EXECUTING") && followed;
                });
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    drain.drain();
                    return jdbc.sql("select count(*) from outbox where channel = ? and state <> 'SENT'").param(zh.channel())
                            .query(Long.class).single() == 0;
                });
            }
            // What the person typed, and the exact action's own ids (executor, operation, a fixed target) are not prose.
            Set<String> allowed = new HashSet<>(names);
            allowed.addAll(List.of(e.text().replace("\"", " ").split("\\s+")));
            var action = e.command().action();
            allowed.addAll(List.of(action.executor(), action.operation(), String.valueOf(action.target())));
            var calls = slack.calls(zh.channel());
            for (var call : calls.subList(before, calls.size())) {
                assertThat(ChineseOnly.englishWords(call.message(), allowed)).as(call.message().fallbackText()).isEmpty();
            }
        }));
    }

    /**
     * A toast is read by whoever clicked, where they clicked: an English request's refusal is Chinese for a
     * click from a Chinese channel and English for a click from the request's own; a closed request's state
     * reads as one phrase in Chinese (not "该申请已经已批准").
     */
    @Test
    void aToastIsInTheClickersLanguageNotTheRequests() throws IOException {
        Example change = examples().stream().filter(e -> e.command().risk().equals("change")).findFirst().orElseThrow();
        Conversation en = Conversation.of(Platform.SLACK, "CC" + UUID.randomUUID().toString().substring(0, 8));
        Conversation zh = Conversation.of(Platform.SLACK, "CZHCN");
        commands.handle(new InboundCommand(en, ZHAO, change.text()));
        drain.drain();
        String id = slack.calls(en.channel()).get(0).message().buttons().stream()
                .filter(b -> b.actionId().equals("approval.approve")).findFirst().orElseThrow().value();

        assertThat(actions.route(new InboundAction(zh, ZHAO, "approval.approve", id, null)).message())
                .isEqualTo("这是您本人发起的申请，不能自己审批，需要另一位同事批准。");
        assertThat(actions.route(new InboundAction(en, ZHAO, "approval.approve", id, null)).message())
                .isEqualTo("You asked for this, so you cannot approve it: a second person must.");
        assertThat(actions.route(new InboundAction(zh, LI, "approval.approve", id, null)).message()).isEqualTo("已批准，正在执行。");
        assertThat(actions.route(new InboundAction(zh, SUN, "approval.approve", id, null)).message())
                .startsWith("该申请已批准").doesNotContain("已经已");
        assertThat(actions.route(new InboundAction(en, SUN, "approval.approve", id, null)).message())
                .startsWith("This request is already approved");
    }

    private static boolean followable(Example e) {
        return e.command().action().executor().equals("kubernetes") && !e.command().action().operation().equals("delete-pod");
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
