package io.warroom.delivery.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Performs one claimed operation against its platform. Resolves our own keys (message, thread, group) to
 * platform ids first; throws {@link NotReadyException} when something it depends on is not sent yet.
 */
@Component
class OutboxSender {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    OutboxSender(OutboxRepository repository, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /** Performs the operation against {@code where}, the destination {@link #destination} resolved. */
    void send(OutboxRow row, ChatGateway gateway, Conversation where) {
        Payload payload = parse(row.payload());
        switch (row.operation()) {
            case POST -> {
                // The row id names this post across retries, so a platform that dedupes can drop a repeat.
                String ref = gateway.post(where, payload.message(), row.visibleTo(), "warroom-" + row.id());
                if (row.messageKey() != null && row.visibleTo() == null) {
                    repository.saveRef(row.platform(), row.channel(), row.messageKey(), ref, clock.instant());
                }
            }
            case UPDATE -> gateway.update(where, deliveredMessage(row, "updated"), payload.message());
            case CREATE_GROUP -> {
                String groupChannel = Delivery.groupChannel(row.messageKey());
                if (repository.ref(row.platform(), "", groupChannel).isEmpty()) {
                    String chatId = gateway.createGroup(payload.groupName(), payload.members(), "warroom-" + row.id());
                    repository.saveRef(row.platform(), "", groupChannel, chatId, clock.instant());
                }
            }
            case INVITE -> gateway.invite(where, payload.members());
            case OPEN_FORM -> gateway.openForm(where, row.visibleTo(), payload.trigger(), payload.message());
            case SET_TOPIC -> gateway.setTopic(where, payload.message().text());
            case PIN -> gateway.pin(where, deliveredMessage(row, "pinned"));
        }
    }

    /**
     * Where the operation goes, with our own keys (group, thread root) resolved to platform ids. Throws
     * {@link NotReadyException} while such a dependency is still queued, and a permanent failure once it
     * failed for good. Called before any rate-limit slot is spent.
     */
    Conversation destination(OutboxRow row) {
        if (row.operation() == Delivery.Operation.CREATE_GROUP) {
            return row.conversation(row.channel(), row.threadRef());
        }
        String channel = row.channel();
        if (channel.startsWith(Delivery.GROUP_PREFIX)) {
            String key = channel.substring(Delivery.GROUP_PREFIX.length());
            channel = repository.ref(row.platform(), "", channel).orElseThrow(() -> dependencyMissing(
                    repository.failedProducer(row.platform(), null, key, true),
                    "group " + key + " could not be created", "group " + row.channel() + " is not created yet"));
        }
        String thread = row.threadRef();
        if (thread == null && row.threadKey() != null) {
            thread = repository.ref(row.platform(), row.channel(), row.threadKey()).orElseThrow(() -> dependencyMissing(
                    repository.failedProducer(row.platform(), row.channel(), row.threadKey(), false),
                    "thread root '" + row.threadKey() + "' could not be posted",
                    "thread '" + row.threadKey() + "' is not posted yet"));
        }
        return row.conversation(channel, thread);
    }

    private static RuntimeException dependencyMissing(boolean failedForGood, String failed, String waiting) {
        return failedForGood ? ChatDeliveryException.permanentFailure(failed) : new NotReadyException(waiting);
    }

    /** The platform id of the message this operation acts on; a message never delivered cannot be acted on. */
    private String deliveredMessage(OutboxRow row, String verb) {
        return repository.ref(row.platform(), row.channel(), row.messageKey())
                .orElseThrow(() -> ChatDeliveryException.permanentFailure(
                        "message '" + row.messageKey() + "' was never delivered, so it cannot be " + verb));
    }

    private Payload parse(String body) {
        try {
            return json.readValue(body, Payload.class);
        } catch (JsonProcessingException e) {
            throw ChatDeliveryException.permanentFailure("unreadable outbox payload: " + e.getOriginalMessage());
        }
    }

    /** A dependency (group, thread root) has not been delivered yet; try again shortly. */
    static class NotReadyException extends RuntimeException {
        NotReadyException(String message) {
            super(message);
        }
    }
}
