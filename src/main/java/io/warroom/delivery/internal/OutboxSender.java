package io.warroom.delivery.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import java.time.Clock;
import java.util.Optional;
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

    void send(OutboxRow row, ChatGateway gateway) {
        Payload payload = parse(row.payload());
        switch (row.operation()) {
            case POST -> {
                Conversation where = resolve(row);
                // The row id names this post across retries, so a platform that dedupes can drop a repeat.
                String ref = gateway.post(where, payload.message(), row.visibleTo(), "warroom-" + row.id());
                if (row.messageKey() != null && row.visibleTo() == null) {
                    repository.saveRef(row.platform(), row.channel(), row.messageKey(), ref, clock.instant());
                }
            }
            case UPDATE -> {
                Conversation where = resolve(row);
                String ref = repository.ref(row.platform(), row.channel(), row.messageKey())
                        .orElseThrow(() -> ChatDeliveryException.permanentFailure(
                                "message '" + row.messageKey() + "' was never delivered, so it cannot be updated"));
                gateway.update(where, ref, payload.message());
            }
            case CREATE_GROUP -> {
                String groupChannel = Delivery.groupChannel(row.messageKey());
                if (repository.ref(row.platform(), "", groupChannel).isEmpty()) {
                    String chatId = gateway.createGroup(payload.groupName(), payload.members(), "warroom-" + row.id());
                    repository.saveRef(row.platform(), "", groupChannel, chatId, clock.instant());
                }
            }
            case INVITE -> gateway.invite(resolve(row), payload.members());
            case OPEN_FORM -> gateway.openForm(resolve(row), row.visibleTo(), payload.trigger(), payload.message());
            case SET_TOPIC -> gateway.setTopic(resolve(row), payload.message().text());
            case PIN -> {
                Conversation where = resolve(row);
                String ref = repository.ref(row.platform(), row.channel(), row.messageKey())
                        .orElseThrow(() -> ChatDeliveryException.permanentFailure(
                                "message '" + row.messageKey() + "' was never delivered, so it cannot be pinned"));
                gateway.pin(where, ref);
            }
        }
    }

    /**
     * Throws {@link NotReadyException} while what this operation depends on (its group, its thread root)
     * is still queued, and a permanent failure once that dependency failed for good.
     */
    void checkReady(OutboxRow row) {
        if (row.operation() == Delivery.Operation.CREATE_GROUP) {
            return;
        }
        if (row.channel().startsWith(Delivery.GROUP_PREFIX)
                && repository.ref(row.platform(), "", row.channel()).isEmpty()) {
            String key = row.channel().substring(Delivery.GROUP_PREFIX.length());
            if (repository.failedProducer(row.platform(), null, key, true)) {
                throw ChatDeliveryException.permanentFailure("group " + key + " could not be created");
            }
            throw new NotReadyException("group " + row.channel() + " is not created yet");
        }
        if (row.threadRef() == null && row.threadKey() != null
                && repository.ref(row.platform(), row.channel(), row.threadKey()).isEmpty()) {
            if (repository.failedProducer(row.platform(), row.channel(), row.threadKey(), false)) {
                throw ChatDeliveryException.permanentFailure("thread root '" + row.threadKey() + "' could not be posted");
            }
            throw new NotReadyException("thread '" + row.threadKey() + "' is not posted yet");
        }
    }

    private Conversation resolve(OutboxRow row) {
        String channel = row.channel();
        if (channel.startsWith(Delivery.GROUP_PREFIX)) {
            channel = repository.ref(row.platform(), "", channel)
                    .orElseThrow(() -> new NotReadyException("group " + row.channel() + " is not created yet"));
        }
        String thread = row.threadRef();
        if (thread == null && row.threadKey() != null) {
            Optional<String> ref = repository.ref(row.platform(), row.channel(), row.threadKey());
            thread = ref.orElseThrow(() -> new NotReadyException("thread '" + row.threadKey() + "' is not posted yet"));
        }
        return row.conversation(channel, thread);
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
