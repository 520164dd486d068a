package io.warroom.delivery.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.GroupCreated;
import io.warroom.delivery.GroupNotCreated;
import io.warroom.delivery.MembersNotAdded;
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

    /**
     * Performs the operation against {@code where}, the destination {@link #destination} resolved.
     * @return what the module that queued it may need to know ({@link GroupCreated}, {@link MembersNotAdded}), or null
     */
    Object send(OutboxRow row, ChatGateway gateway, Conversation where) {
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
                var known = repository.ref(row.platform(), "", groupChannel);
                String chatId = known.isPresent() ? known.get()
                        : gateway.createGroup(payload.groupName(), payload.members(), "warroom-" + row.id());
                if (known.isEmpty()) {
                    repository.saveRef(row.platform(), "", groupChannel, chatId, clock.instant());
                }
                return new GroupCreated(row.platform(), row.messageKey(), chatId);
            }
            case INVITE -> {
                var missed = gateway.invite(where, payload.members());
                return missed == null || missed.isEmpty() ? null : new MembersNotAdded(row.platform(), row.channel(), missed);
            }
            case OPEN_FORM -> gateway.openForm(where, row.visibleTo(), payload.trigger(), payload.message());
            case SET_TOPIC -> gateway.setTopic(where, payload.message().text());
            case PIN -> gateway.pin(where, deliveredMessage(row, "pinned"));
        }
        return null;
    }

    /** What the queuing module hears when the operation failed for good; null when nothing needs telling. */
    Object failure(OutboxRow row, String error) {
        return switch (row.operation()) {
            case CREATE_GROUP -> new GroupNotCreated(row.platform(), row.messageKey(), error);
            case INVITE -> {
                var reasons = new java.util.LinkedHashMap<String, String>();
                parse(row.payload()).members().forEach(m -> reasons.put(m, error));
                yield new MembersNotAdded(row.platform(), row.channel(), reasons);
            }
            default -> null;
        };
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
