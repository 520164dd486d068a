package io.warroom.slack.internal;

import com.slack.api.bolt.App;
import io.warroom.chat.Actor;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import io.warroom.command.Commands;
import io.warroom.directory.Directory;
import io.warroom.slack.SlackProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /warroom ...}: acknowledged at once with an empty body (Slack waits at most 3 s), then run on a
 * worker through the same {@link Commands} path as every platform; the answer arrives through the outbox.
 * The trigger id travels with the command so a reply with a form can open a modal.
 */
@Component
@OnSlack
class SlashCommandListener implements SlackListener {

    private final SlackProperties properties;
    private final SlackWorkers workers;
    private final Commands commands;
    private final Directory directory;
    private final ChatLocales locales;
    private final Texts texts;

    SlashCommandListener(SlackProperties properties, SlackWorkers workers, Commands commands, Directory directory,
                         ChatLocales locales, Texts texts) {
        this.properties = properties;
        this.workers = workers;
        this.commands = commands;
        this.directory = directory;
        this.locales = locales;
        this.texts = texts;
    }

    @Override
    public void register(App app) {
        app.command(properties.command(), (req, ctx) -> {
            var payload = req.getPayload();
            Conversation where = Conversation.of(Platform.SLACK, payload.getChannelId());
            Actor actor = new Actor(Platform.SLACK, payload.getUserId(), payload.getUserName());
            InboundCommand command = new InboundCommand(where, actor, payload.getText(), payload.getTriggerId());
            boolean accepted = workers.submit(() -> {
                // Resolving first (outside the command's transaction) warms the identity cache.
                directory.resolve(actor);
                commands.handle(command);
            });
            return accepted ? ctx.ack() : ctx.ack(texts.get(locales.of(where), "slack.busy"));
        });
    }
}
