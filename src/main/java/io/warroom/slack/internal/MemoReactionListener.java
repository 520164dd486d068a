package io.warroom.slack.internal;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import com.slack.api.model.event.ReactionAddedEvent;
import io.warroom.chat.Actor;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.util.Map;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import io.warroom.command.NoteAdded;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@code :memo:} reaction on a message records that message as a note on the conversation's timeline,
 * in the name of whoever reacted (who must be a directory person). The event is acknowledged at once and
 * kept as a task keyed by its {@code event_id}; reading the message from Slack and recording the note run
 * after the ack, once, with the note and the task's "done" mark in one transaction.
 */
@Component
@OnSlack
class MemoReactionListener implements SlackListener, TaskHandler {

    static final String REACTION = "memo";
    static final int MAX_NOTE = 1500;
    static final String KIND = "slack.memo";
    private static final Logger log = LoggerFactory.getLogger(MemoReactionListener.class);

    private final MethodsClient slack;
    private final Directory directory;
    private final Tasks tasks;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ChatLocales locales;
    private final Texts texts;
    private final Clock clock;

    MemoReactionListener(MethodsClient slack, Directory directory, Tasks tasks,
                         ApplicationEventPublisher events, Outbox outbox, TransactionTemplate tx, ChatLocales locales,
                         Texts texts, Clock clock) {
        this.slack = slack;
        this.directory = directory;
        this.tasks = tasks;
        this.events = events;
        this.outbox = outbox;
        this.tx = tx;
        this.locales = locales;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.event(ReactionAddedEvent.class, (payload, ctx) -> {
            ReactionAddedEvent event = payload.getEvent();
            var item = event.getItem();
            if (!REACTION.equals(event.getReaction()) || item == null || !"message".equals(item.getType())
                    || event.getUser() == null || item.getChannel() == null || item.getTs() == null) {
                return ctx.ack();
            }
            // Reading the message takes calls to Slack: they run after the ack, once per event (its id keys the task).
            String key = payload.getEventId() != null ? payload.getEventId()
                    : item.getChannel() + ":" + item.getTs() + ":" + event.getUser();
            tx.executeWithoutResult(s -> tasks.schedule(KIND + ":" + key, KIND, clock.instant(), Map.of(
                    "user", event.getUser(), "channel", item.getChannel(), "ts", item.getTs())));
            return ctx.ack();
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Records the note, in the task's transaction, so it happens once. */
    @Override
    public void run(Task task) {
        String user = task.get("user");
        String channelId = task.get("channel");
        Optional<Person> person = directory.resolve(new Actor(Platform.SLACK, user, null));
        if (person.isEmpty()) {
            log.info("Ignored a :memo: from Slack user {}, who is not in the directory", user);
            return;
        }
        Optional<Message> message = fetch(channelId, task.get("ts"));
        if (message.isEmpty() || message.get().getText() == null || message.get().getText().isBlank()) {
            return;
        }
        String text = SlackText.cut(message.get().getText().strip(), MAX_NOTE);
        Conversation channel = Conversation.of(Platform.SLACK, channelId);
        Conversation replyIn = channel.inThread(message.get().getThreadTs());
        events.publishEvent(new NoteAdded(channel.stream(), clock.instant(), person.get().id(), text,
                Platform.SLACK.id(), channelId));
        outbox.enqueue(Delivery.ephemeral(replyIn, user, OutboundMessage.builder()
                .tone(OutboundMessage.Tone.SUCCESS)
                .text(texts.get(locales.of(channel), "note.recorded", text)).build()));
    }

    /** The reacted message: from the channel's history, or from its thread when it is a reply. */
    private Optional<Message> fetch(String channel, String ts) {
        List<Message> found = SlackCalls.call("conversations.history", () -> slack.conversationsHistory(r -> r
                .channel(channel).latest(ts).oldest(ts).inclusive(true).limit(1))).getMessages();
        Optional<Message> hit = found == null ? Optional.empty()
                : found.stream().filter(m -> ts.equals(m.getTs())).findFirst();
        if (hit.isPresent()) {
            return hit;
        }
        List<Message> replies = SlackCalls.call("conversations.replies", () -> slack.conversationsReplies(r -> r
                .channel(channel).ts(ts).latest(ts).oldest(ts).inclusive(true).limit(1))).getMessages();
        return replies == null ? Optional.empty() : replies.stream().filter(m -> ts.equals(m.getTs())).findFirst();
    }
}
