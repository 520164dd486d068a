package io.warroom.slack.internal;

import com.slack.api.bolt.App;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.Actor;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import io.warroom.shared.Rejections;
import io.warroom.slack.SlackProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /warroom ...}: stored in the command inbox and acknowledged with an empty body (Slack waits at most
 * 3 s); a worker runs it through the same command path as every platform and the answer arrives through
 * the outbox. The trigger id travels with the command so a reply with a form can open a modal. It is also the
 * invocation's identity: an envelope Socket Mode delivers again (its ack was lost with a dropped connection)
 * is recognised and not run twice.
 */
@Component
@OnSlack
class SlashCommandListener implements SlackListener {

    private final SlackProperties properties;
    private final SlackCommandIntake intake;
    private final Texts texts;
    private final ChatLocales locales;
    private final MeterRegistry meters;

    SlashCommandListener(SlackProperties properties, SlackCommandIntake intake, Texts texts, ChatLocales locales, MeterRegistry meters) {
        this.properties = properties;
        this.intake = intake;
        this.texts = texts;
        this.locales = locales;
        this.meters = meters;
    }

    @Override
    public void register(App app) {
        app.command(properties.command(), (req, ctx) -> {
            var payload = req.getPayload();
            if (blank(payload.getChannelId()) || blank(payload.getUserId())) {
                throw new MalformedRequest("a slash command without channel_id or user_id");
            }
            Conversation where = Conversation.of(Platform.SLACK, payload.getChannelId());
            Actor actor = new Actor(Platform.SLACK, payload.getUserId(), payload.getUserName());
            InboundCommand command = new InboundCommand(where, actor, payload.getText(), payload.getTriggerId());
            // Stored before the ack (Slack will not resend a command it got an answer for), together with the
            // trigger id's record, so a redelivery finds it seen.
            String trigger = payload.getTriggerId();
            boolean busy = !intake.take(trigger == null ? null : "command:" + trigger, command);
            if (busy) {
                // Slack never resends a slash command: say so to the person, who can simply send it again.
                Rejections.count(meters, "slack", "busy");
                return ctx.ack(texts.get(locales.of(where), "command.busy"));
            }
            return ctx.ack();
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
