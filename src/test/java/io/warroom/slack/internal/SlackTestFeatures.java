package io.warroom.slack.internal;

import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.directory.Directory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only features standing in for the ones that will use Slack's interactivity: a command that posts a
 * card with a button, a command that answers with a form, and a handler for both that records what it got.
 */
@TestConfiguration(proxyBeanMethods = false)
class SlackTestFeatures {

    static final String FORM_ID = "test.form";
    /** A form whose handler takes longer than Slack waits for a modal's answer, and then finds an error. */
    static final String SLOW_FORM_ID = "test.slowform";

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the handler saw: the action and the directory person behind its actor (null if none). */
    record Seen(InboundAction action, String personId) {
    }

    static class TestActions implements ActionHandler {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final Directory directory;

        TestActions(Directory directory) {
            this.directory = directory;
        }

        @Override
        public String prefix() {
            return "test.";
        }

        @Override
        public ActionOutcome handle(InboundAction action) {
            String person = directory.resolve(action.actor()).map(p -> p.id()).orElse(null);
            if (action.actionId().equals(FORM_ID)) {
                String reason = action.formValues().getOrDefault("reason", "");
                if (reason.strip().length() < 3) {
                    return ActionOutcome.invalid(Map.of("reason", "Say a little more (3 characters at least)"));
                }
            }
            if (action.actionId().equals(SLOW_FORM_ID)) {
                pause(2600);
                return ActionOutcome.invalid(Map.of("reason", "Checked too slowly: say it again"));
            }
            if (action.actionId().equals("test.slow")) {
                try {
                    // Longer than Slack waits for an answer: it must run after the ack.
                    Thread.sleep(3500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            seen.add(new Seen(action, person));
            return person == null ? ActionOutcome.refused("Who are you?") : ActionOutcome.done("Done for " + person);
        }
    }

    @Bean
    TestActions testActions(Directory directory) {
        return new TestActions(directory);
    }

    @Bean
    ChatCommand testCardCommand() {
        return new ChatCommand() {
            public String name() {
                return "testcard";
            }

            public String usage() {
                return "";
            }

            public String descriptionKey() {
                return "help.description";
            }

            public CommandReply run(CommandContext ctx) {
                return CommandReply.inChannel(OutboundMessage.builder().header("Test card").text("Click me")
                        .field("Target", "deploy/api").button("test.click", "Do it", "opaque-42",
                                OutboundMessage.Style.PRIMARY).build());
            }
        };
    }

    @Bean
    ChatCommand testFormCommand() {
        return new ChatCommand() {
            public String name() {
                return "testform";
            }

            public String usage() {
                return "";
            }

            public String descriptionKey() {
                return "help.description";
            }

            public CommandReply run(CommandContext ctx) {
                var inputs = List.of(
                        new OutboundMessage.Input("reason", "Reason", OutboundMessage.InputType.TEXT, true, null, null),
                        new OutboundMessage.Input("severity", "Severity", OutboundMessage.InputType.SELECT, true, "p2",
                                List.of(new OutboundMessage.Option("p1", "P1"), new OutboundMessage.Option("p2", "P2"))));
                return CommandReply.ephemeral(OutboundMessage.builder().header("Test form").text("Fill this in")
                        .form(new OutboundMessage.Form(FORM_ID, "Test form", "Send", inputs)).build());
            }
        };
    }
}
