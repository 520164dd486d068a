package io.warroom.console.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The console as a chat platform: messages, threads and groups kept in its own tables. */
@Component
class ConsoleChatGateway implements ChatGateway {

    private final ConsoleStore store;
    private final ObjectMapper json;
    private final Clock clock;

    ConsoleChatGateway(ConsoleStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public String post(Conversation conversation, OutboundMessage message, String visibleTo) {
        Long thread = conversation.thread() == null ? null : parseId(conversation.thread());
        long id = store.insert(conversation.channel(), thread, ConsoleStore.BOT, visibleTo, serialise(message),
                clock.instant());
        return Long.toString(id);
    }

    @Override
    public void update(Conversation conversation, String messageRef, OutboundMessage message) {
        if (!store.update(parseId(messageRef), serialise(message), clock.instant())) {
            throw ChatDeliveryException.permanentFailure("console message " + messageRef + " does not exist");
        }
    }

    @Override
    public String createGroup(String name, List<String> memberUserIds, String idempotencyKey) {
        String id = "g-" + idempotencyKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        store.createChannel(id, name, memberUserIds, clock.instant());
        return id;
    }

    @Override
    public Map<String, String> invite(Conversation conversation, List<String> memberUserIds) {
        store.addMembers(conversation.channel(), memberUserIds);
        return Map.of();
    }

    /** The console has no modals: the form appears inline, for that user only. */
    @Override
    public String openForm(Conversation conversation, String userId, String trigger, OutboundMessage message) {
        return post(conversation, message, userId);
    }

    @Override
    public void setTopic(Conversation conversation, String topic) {
        store.setTopic(conversation.channel(), topic, clock.instant());
    }

    @Override
    public void pin(Conversation conversation, String messageRef) {
        store.pin(conversation.channel(), parseId(messageRef), clock.instant());
    }

    private String serialise(OutboundMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw ChatDeliveryException.permanentFailure("message cannot be serialised");
        }
    }

    private static long parseId(String ref) {
        try {
            return Long.parseLong(ref);
        } catch (NumberFormatException e) {
            throw ChatDeliveryException.permanentFailure("not a console message id: " + ref);
        }
    }
}
