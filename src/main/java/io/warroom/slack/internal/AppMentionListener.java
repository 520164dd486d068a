package io.warroom.slack.internal;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.slack.SlackProperties;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code @warroom help}: a command written as a mention, the only way to give one inside a thread (slash
 * commands cannot be used there), so the reply goes to the mention's thread. The command is stored in the
 * command inbox in one transaction with the {@code event_id} record: a Slack retry does nothing, a failure
 * lets it through, and the ack never waits for the command to run.
 */
@Component
@OnSlack
class AppMentionListener implements SlackListener {

    private static final Pattern ANY_MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

    private final SlackCommandIntake intake;
    private final SlackProperties properties;

    AppMentionListener(SlackCommandIntake intake, SlackProperties properties) {
        this.intake = intake;
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
            // The event is marked seen and the command stored together: a retry finds it seen, a crash loses nothing.
            boolean busy = !intake.take(payload.getEventId(), command);
            if (busy) {
                throw new SlackBusy(); // nothing stored, not even the event id: Slack delivers the event again
            }
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
