package io.warroom.feishu.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.command.CommandInbox;
import io.warroom.chat.Platform;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code im.message.receive_v1}: text addressed to Warroom becomes an {@link InboundCommand}. In a group the
 * bot must be mentioned; in a one-to-one chat every message counts. Mentions of the bot and a leading
 * {@code /warroom} are removed, so {@code @Warroom restart backend -n prod} reads like the Slack command.
 * Commands go to the command inbox and run after Feishu has had its answer.
 */
@Component
@ConditionalOnFeishu
class FeishuMessageListener {

    private static final Logger log = LoggerFactory.getLogger(FeishuMessageListener.class);
    private static final String PREFIX = "/warroom";

    private final CommandInbox inbox;
    private final FeishuOpenApi api;
    private final ObjectMapper json;

    FeishuMessageListener(CommandInbox inbox, FeishuOpenApi api, ObjectMapper json) {
        this.inbox = inbox;
        this.api = api;
        this.json = json;
    }

    /** Learns the bot's open_id in the background, so the first mention is not answered late. */
    @EventListener(ApplicationReadyEvent.class)
    void learnBotIdentity() {
        Thread t = new Thread(() -> {
            try {
                api.botOpenId();
            } catch (RuntimeException e) {
                log.debug("bot identity not learned yet: {}", e.toString()); // the first message asks again
            }
        }, "feishu-bot-identity");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Reads the event; empty when it is not for Warroom (another bot, not text, a group message without
     * a mention of the bot).
     * @throws FeishuRejected when the event lacks what every message event has
     */
    Optional<InboundCommand> read(JsonNode event) {
        JsonNode message = event.path("message");
        JsonNode sender = event.path("sender");
        String chatId = text(message, "chat_id");
        String openId = text(sender.path("sender_id"), "open_id");
        if (chatId == null || openId == null || text(message, "message_id") == null) {
            throw FeishuRejected.malformed();
        }
        if (!"user".equals(sender.path("sender_type").asText("user")) || !"text".equals(message.path("message_type").asText())) {
            return Optional.empty();
        }
        String text = contentText(message.path("content").asText(""));
        boolean group = !"p2p".equals(message.path("chat_type").asText());
        boolean mentioned = false;
        String bot = null;
        java.util.List<JsonNode> mentions = new java.util.ArrayList<>();
        message.path("mentions").forEach(mentions::add);
        // Longest keys first, so @_user_1 never eats the start of @_user_12.
        mentions.sort(java.util.Comparator.comparingInt((JsonNode m) -> m.path("key").asText("").length()).reversed());
        for (JsonNode mention : mentions) {
            String key = mention.path("key").asText("");
            String mentionedId = mention.path("id").path("open_id").asText("");
            if (bot == null) {
                bot = Optional.ofNullable(api.botOpenId()).orElse("");
            }
            // Without the bot's own id (bot info unavailable) any mention counts: Feishu only delivers group
            // messages that mention the bot unless the app may read all group messages.
            boolean ofBot = bot.isEmpty() || bot.equals(mentionedId);
            mentioned |= ofBot;
            if (!key.isEmpty()) {
                text = text.replace(key, ofBot ? "" : "@" + mention.path("name").asText(mentionedId));
            }
        }
        if (group && !mentioned) {
            return Optional.empty();
        }
        text = text.strip();
        if (text.toLowerCase(Locale.ROOT).startsWith(PREFIX)
                && (text.length() == PREFIX.length() || Character.isWhitespace(text.charAt(PREFIX.length())))) {
            text = text.substring(PREFIX.length());
        }
        String thread = text(message, "thread_id") != null ? text(message, "root_id") : null;
        return Optional.of(new InboundCommand(new Conversation(Platform.FEISHU, chatId, thread),
                new Actor(Platform.FEISHU, openId, null), text));
    }

    /**
     * Stores the command for a worker: Feishu must have its answer at once, and will not resend it. Unlike
     * Slack's slash commands and events, a saturated replica does not refuse it as busy: whether and when
     * Feishu delivers a refused event again is not documented. It waits briefly for a place in the queue
     * (which slows a flood down to the workers' pace), and when none frees it is stored for the sweep
     * instead (late, never lost; the backlog waits in the database, not in memory).
     */
    void dispatch(InboundCommand command, CommandInbox.Place place) {
        inbox.accept(command, place);
    }

    /** A place in the command queue, waited for briefly (null when none freed: the command goes to the sweep). */
    CommandInbox.Place reserve() {
        return inbox.reserve();
    }

    private String contentText(String content) {
        try {
            return json.readTree(content).path("text").asText("");
        } catch (JsonProcessingException e) {
            throw FeishuRejected.malformed();
        }
    }

    private static String text(JsonNode node, String field) {
        String s = node.path(field).asText("");
        return s.isBlank() ? null : s;
    }
}
