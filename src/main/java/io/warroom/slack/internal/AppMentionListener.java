package io.warroom.slack.internal;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.InboundDeliveries;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.directory.Directory;
import io.warroom.slack.SlackProperties;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code @warroom help}: a command written as a mention, the only way to give one inside a thread (slash
 * commands cannot be used there), so the reply goes to the mention's thread. Handled in the request, in
 * one transaction with the {@code event_id} record: a Slack retry does nothing, a failure lets it through.
 */
@Component
@OnSlack
class AppMentionListener implements SlackListener {

    private static final Pattern ANY_MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

    private final Commands commands;
    private final Directory directory;
    private final InboundDeliveries deliveries;
    private final TransactionTemplate tx;
    private final SlackProperties properties;

    AppMentionListener(Commands commands, Directory directory, InboundDeliveries deliveries, TransactionTemplate tx,
                       SlackProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.deliveries = deliveries;
        this.tx = tx;
        this.properties = properties;
    }

    @Override
    public void register(App app) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            if (event.getUser() == null || event.getChannel() == null) {
                return ctx.ack();
            }
            Conversation where = new Conversation(Platform.SLACK, event.getChannel(), event.getThreadTs());
            Actor actor = new Actor(Platform.SLACK, event.getUser(), event.getUsername());
            InboundCommand command = new InboundCommand(where, actor, commandText(event.getText(), ctx.getBotUserId()));
            directory.resolve(actor);
            tx.executeWithoutResult(status -> {
                if (payload.getEventId() == null || deliveries.firstTime("slack", payload.getEventId())) {
                    commands.handle(command);
                }
            });
            return ctx.ack();
        });
    }

    /** The text without the bot's mention (and without a leading "/warroom", which people type out of habit). */
    String commandText(String text, String botUserId) {
        String stripped = text == null ? "" : text;
        stripped = botUserId != null
                ? stripped.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", " ")
                : ANY_MENTION.matcher(stripped).replaceFirst(" ");
        stripped = stripped.strip();
        String name = properties.command().toLowerCase(Locale.ROOT);
        if (stripped.toLowerCase(Locale.ROOT).equals(name) || stripped.toLowerCase(Locale.ROOT).startsWith(name + " ")) {
            stripped = stripped.substring(name.length()).strip();
        }
        return stripped;
    }
}
