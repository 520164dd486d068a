package io.warroom.feishu.internal;

import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running application with Feishu configured against {@link FakeFeishuOpenApi}, on its own in-memory
 * H2, dispatcher running. Subclasses share one context (same configuration, same fake).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:feishu-app;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.feishu.app-id=" + FakeFeishuOpenApi.APP_ID,
        "warroom.feishu.app-secret=" + FakeFeishuOpenApi.APP_SECRET,
        "warroom.feishu.verification-token=" + FeishuRequests.VERIFICATION_TOKEN,
        "warroom.feishu.encrypt-key=" + FeishuRequests.ENCRYPT_KEY,
        "warroom.feishu.token-refresh-margin=1s",
        "warroom.delivery.initial-backoff=200ms"})
@Import(FeishuAppTestBase.TestBeans.class)
abstract class FeishuAppTestBase {

    static final FakeFeishuOpenApi FAKE = FakeFeishuOpenApi.shared();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void feishu(DynamicPropertyRegistry registry) {
        registry.add("warroom.feishu.base-url", FAKE::baseUrl);
    }

    FeishuRequests feishu() {
        return new FeishuRequests(port);
    }

    @org.junit.jupiter.api.AfterEach
    void feishuAcceptedEveryCardWarroomSent() {
        org.assertj.core.api.Assertions.assertThat(FAKE.refusals()).as("cards the real Feishu would refuse").isEmpty();
    }

    /** What the test action handler saw. */
    record Seen(String person, InboundAction action) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        RecordingHandler recordingHandler(Directory directory) {
            return new RecordingHandler(directory);
        }

        @Bean
        ChatCommand testCardCommand() {
            return new SimpleCommand("test-card", CommandReply.inChannel(OutboundMessage.builder()
                    .header("Test card").tone(OutboundMessage.Tone.WARNING).text("Pick one")
                    .button("test.click", "OK", "ok", OutboundMessage.Style.PRIMARY)
                    .button("test.click", "No", "no", OutboundMessage.Style.DANGER)
                    .build()));
        }

        @Bean
        ChatCommand testFormCommand() {
            return new SimpleCommand("test-form", CommandReply.ephemeral(OutboundMessage.builder()
                    .header("Handoff").text("Fill in")
                    .form(new OutboundMessage.Form("test.form", null, null, List.of(
                            new OutboundMessage.Input("summary", "Summary", OutboundMessage.InputType.MULTILINE, true, null, null),
                            new OutboundMessage.Input("severity", "Severity", OutboundMessage.InputType.SELECT, true, "P2",
                                    List.of(new OutboundMessage.Option("P1", "P1"), new OutboundMessage.Option("P2", "P2"))))))
                    .build()));
        }
    }

    record SimpleCommand(String name, CommandReply reply) implements ChatCommand {
        @Override
        public String usage() {
            return "";
        }

        @Override
        public String descriptionKey() {
            return "test.description";
        }

        @Override
        public CommandReply run(CommandContext context) {
            return reply;
        }
    }

    /** Owns {@code test.}: refuses value "no", wants a summary in forms, records every call. */
    static class RecordingHandler implements ActionHandler {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final Directory directory;

        RecordingHandler(Directory directory) {
            this.directory = directory;
        }

        @Override
        public String prefix() {
            return "test.";
        }

        @Override
        public ActionOutcome handle(InboundAction action) {
            String person = directory.resolve(action.actor()).map(Person::id).orElse(null);
            seen.add(new Seen(person, action));
            if (action.actionId().equals("test.form")) {
                String summary = action.formValues().getOrDefault("summary", "");
                return summary.isBlank() ? ActionOutcome.invalid(java.util.Map.of("summary", "required"))
                        : ActionOutcome.done("handoff saved");
            }
            return action.value().equals("no") ? ActionOutcome.refused("not you") : ActionOutcome.done("clicked " + action.value());
        }
    }
}
