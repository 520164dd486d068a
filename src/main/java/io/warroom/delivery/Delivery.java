package io.warroom.delivery;

import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import java.util.List;
import java.util.Objects;

/**
 * One outbound chat operation to perform durably.
 *
 * <p>{@code messageKey} is our own stable name for a message (e.g. {@code approval:17}) so later updates
 * can find it before its platform id is known. {@code threadKey} names a message we posted whose thread
 * this one replies into; alternatively the conversation may carry the platform's thread id.
 */
public record Delivery(Operation operation, Conversation conversation, String messageKey, String threadKey,
                       String visibleTo, OutboundMessage message, List<String> members, String groupName,
                       String trigger, Priority priority) {

    public enum Operation { POST, UPDATE, CREATE_GROUP, INVITE, OPEN_FORM, SET_TOPIC, PIN }

    public Delivery {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(conversation, "conversation");
        members = members == null ? List.of() : List.copyOf(members);
        priority = priority == null ? Priority.NORMAL : priority;
        switch (operation) {
            case POST -> require(message != null, "POST needs a message");
            case UPDATE -> require(message != null && messageKey != null, "UPDATE needs a message and its key");
            case CREATE_GROUP -> require(messageKey != null && groupName != null, "CREATE_GROUP needs a key and a name");
            case INVITE -> require(!members.isEmpty(), "INVITE needs members");
            case OPEN_FORM -> require(message != null && message.form() != null && visibleTo != null,
                    "OPEN_FORM needs a message with a form and the user to show it to");
            case SET_TOPIC -> require(message != null && !message.text().isBlank(), "SET_TOPIC needs the topic text");
            case PIN -> require(messageKey != null, "PIN needs the key of the message to pin");
        }
        require(visibleTo == null || operation == Operation.POST || operation == Operation.OPEN_FORM,
                "only posts and forms can be shown to one user");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A new message in the conversation (in its thread, if it has one). */
    public static Delivery post(Conversation where, String messageKey, OutboundMessage message, Priority priority) {
        return new Delivery(Operation.POST, where, messageKey, null, null, message, null, null, null, priority);
    }

    /** A reply in the thread of a message we posted under {@code threadKey}. */
    public static Delivery replyTo(Conversation where, String threadKey, String messageKey, OutboundMessage message,
                                   Priority priority) {
        return new Delivery(Operation.POST, where, messageKey, threadKey, null, message, null, null, null, priority);
    }

    /** A message only {@code userId} sees (Slack ephemeral; console shows it to that person only). */
    public static Delivery ephemeral(Conversation where, String userId, OutboundMessage message) {
        return new Delivery(Operation.POST, where, null, null, userId, message, null, null, null, Priority.NORMAL);
    }

    /** Replaces the message posted under {@code messageKey}; queued updates to one message are coalesced. */
    public static Delivery update(Conversation where, String messageKey, OutboundMessage message, Priority priority) {
        return new Delivery(Operation.UPDATE, where, messageKey, null, null, message, null, null, null, priority);
    }

    /**
     * Creates a group chat on the conversation's platform; the new chat can then be addressed as channel
     * {@code Delivery.groupChannel(groupKey)} before it exists.
     */
    public static Delivery createGroup(Conversation platformHome, String groupKey, String name, List<String> members) {
        return new Delivery(Operation.CREATE_GROUP, platformHome, groupKey, null, null, null, members, name,
                null, Priority.URGENT);
    }

    public static Delivery invite(Conversation where, List<String> members) {
        return new Delivery(Operation.INVITE, where, null, null, null, null, members, null, null, Priority.URGENT);
    }

    /**
     * A form shown to one user: a modal where the platform has them ({@code trigger} from the interaction),
     * otherwise inline. Urgent, because triggers expire within seconds.
     */
    public static Delivery openForm(Conversation where, String userId, String trigger, OutboundMessage message) {
        return new Delivery(Operation.OPEN_FORM, where, null, null, userId, message, null, null, trigger,
                Priority.URGENT);
    }

    /** Sets the channel's topic (e.g. a war room's severity and status). */
    public static Delivery setTopic(Conversation where, String topic) {
        return new Delivery(Operation.SET_TOPIC, where, null, null, null, OutboundMessage.text(topic), null, null,
                null, Priority.URGENT);
    }

    /** Pins the message posted under {@code messageKey}; queued behind that message's post. */
    public static Delivery pin(Conversation where, String messageKey) {
        return new Delivery(Operation.PIN, where, messageKey, null, null, null, null, null, null, Priority.URGENT);
    }

    /** The same operation addressed to another conversation (used to mirror posts; see {@link OutboxMirror}). */
    public Delivery in(Conversation where) {
        return new Delivery(operation, where, messageKey, threadKey, visibleTo, message, members, groupName, trigger,
                priority);
    }

    /** Channel name standing for a group chat created by {@link #createGroup}, resolved when sending. */
    public static String groupChannel(String groupKey) {
        return GROUP_PREFIX + groupKey;
    }

    public static final String GROUP_PREFIX = "group:";
}
