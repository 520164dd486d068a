package io.warroom.slack.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.ConversationType;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Slack's side of the outbox: every call goes through {@link SlackCalls}, so 429s, outages and refusals
 * come back as {@link ChatDeliveryException}s the dispatcher understands. Only the delivery module calls it.
 */
@Component
@OnSlack
class SlackChatGateway implements ChatGateway {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SlackChatGateway.class);
    static final String OPEN_FORM_ACTION = "warroom.slack.open-form";
    private static final Set<String> DEAD_TRIGGER = Set.of("expired_trigger_id", "invalid_trigger_id",
            "trigger_exchanged");

    private final MethodsClient slack;
    private final BlockKitRenderer renderer;
    private final SlackChannels channels;
    private final SlackStore store;
    private final ChatLocales locales;
    private final Texts texts;
    private final ObjectMapper json;

    SlackChatGateway(MethodsClient slack, BlockKitRenderer renderer, SlackChannels channels, SlackStore store,
                     ChatLocales locales, Texts texts, ObjectMapper json) {
        this.slack = slack;
        this.renderer = renderer;
        this.channels = channels;
        this.store = store;
        this.locales = locales;
        this.texts = texts;
        this.json = json;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public String post(Conversation where, OutboundMessage message, String visibleTo) {
        String blocks = write(renderer.blocks(message));
        String text = renderer.fallbackText(message);
        if (visibleTo != null) {
            return SlackCalls.call("chat.postEphemeral", () -> slack.chatPostEphemeral(r -> r
                    .channel(where.channel()).user(visibleTo).threadTs(where.thread())
                    .text(text).blocksAsString(blocks))).getMessageTs();
        }
        return SlackCalls.call("chat.postMessage", () -> slack.chatPostMessage(r -> r
                .channel(where.channel()).threadTs(where.thread()).text(text).blocksAsString(blocks)
                .unfurlLinks(false).unfurlMedia(false))).getTs();
    }

    @Override
    public void update(Conversation where, String messageRef, OutboundMessage message) {
        String blocks = write(renderer.blocks(message));
        String text = renderer.fallbackText(message);
        SlackCalls.call("chat.update", () -> slack.chatUpdate(r -> r
                .channel(where.channel()).ts(messageRef).text(text).blocksAsString(blocks)));
    }

    @Override
    public String createGroup(String name, List<String> memberUserIds, String idempotencyKey) {
        String channel = channels.createOrReuse(name, idempotencyKey);
        Map<String, String> missed = channels.invite(channel, memberUserIds);
        if (!missed.isEmpty()) {
            // The channel exists either way; an invitation Slack refuses cannot be fixed by creating it again.
            log.warn("Slack channel {}: not invited: {}", channel, missed);
        }
        return channel;
    }

    @Override
    public Map<String, String> invite(Conversation where, List<String> memberUserIds) {
        return channels.invite(where.channel(), memberUserIds);
    }

    /** Slack topics are at most 250 characters and parse mentions like messages: escaped, then cut. */
    @Override
    public void setTopic(Conversation where, String topic) {
        String text = SlackText.cut(SlackText.escape(topic), BlockKitLimits.TOPIC);
        SlackCalls.call("conversations.setTopic", () -> slack.conversationsSetTopic(r -> r
                .channel(where.channel()).topic(text)));
    }

    @Override
    public void pin(Conversation where, String messageRef) {
        try {
            SlackCalls.raw("pins.add", () -> slack.pinsAdd(r -> r.channel(where.channel()).timestamp(messageRef)));
        } catch (SlackCalls.SlackError e) {
            // Pinning twice (a retry after a lost answer) is the outcome we wanted.
            if (!"already_pinned".equals(e.error)) {
                throw SlackCalls.map(e);
            }
        }
    }

    /**
     * Opens the form as a modal with the interaction's trigger; without one, or once it expired (they live
     * about 3 s), posts the form's message to the user with an "Open form" button whose click opens it.
     */
    @Override
    public String openForm(Conversation where, String userId, String trigger, OutboundMessage message) {
        Locale locale = locales.of(where);
        String metadata = FormMetadata.of(where, message.form().formId()).toJson();
        String view = write(renderer.modal(message, metadata, texts.get(locale, "slack.form.cancel")));
        if (trigger != null && !trigger.isBlank()) {
            try {
                return SlackCalls.raw("views.open", () -> slack.viewsOpen(r -> r.triggerId(trigger)
                        .viewAsString(view))).getView().getId();
            } catch (SlackCalls.SlackError e) {
                if (!DEAD_TRIGGER.contains(e.error)) {
                    throw SlackCalls.map(e);
                }
            }
        }
        String id = UUID.randomUUID().toString();
        store.saveForm(id, userId, view);
        OutboundMessage invitation = OutboundMessage.builder()
                .header(message.header() != null ? message.header() : message.form().title())
                .tone(message.tone())
                .text((message.text().isBlank() ? "" : message.text() + "\n\n")
                        + texts.get(locale, "slack.form.fallback"))
                .button(OPEN_FORM_ACTION, texts.get(locale, "slack.form.open"), id, OutboundMessage.Style.PRIMARY)
                .build();
        return post(where, invitation, userId);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw ChatDeliveryException.permanentFailure("blocks cannot be serialised");
        }
    }

    static List<ConversationType> channelTypes() {
        return List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL);
    }
}
