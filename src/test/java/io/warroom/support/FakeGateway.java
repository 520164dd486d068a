package io.warroom.support;

import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A chat platform that keeps what it was sent, in order, and fails on request. State is kept per channel
 * so tests that share a context use their own channels.
 */
public class FakeGateway implements ChatGateway {

    public record Call(String operation, Conversation conversation, String ref, OutboundMessage message,
                       String visibleTo, List<String> members) {
    }

    private final Platform platform;
    private final List<Call> calls = new ArrayList<>();
    private final java.util.Map<String, Deque<Supplier<RuntimeException>>> failures = new java.util.HashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, String> refused = new java.util.HashMap<>();

    public FakeGateway(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    /**
     * The next calls into {@code channel} throw these, in order, before anything is recorded. Per channel,
     * because tests share a context and a drain may send another test's leftovers first.
     */
    public synchronized void failNext(String channel, Supplier<RuntimeException> failure) {
        failures.computeIfAbsent(channel, c -> new ArrayDeque<>()).add(failure);
    }

    public synchronized List<Call> calls(String channel) {
        return calls.stream().filter(c -> c.conversation() != null && c.conversation().channel().equals(channel)).toList();
    }

    public synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    private synchronized String record(String op, Conversation where, OutboundMessage message, String visibleTo,
                                       List<String> members) {
        var queue = where == null ? null : failures.get(where.channel());
        Supplier<RuntimeException> failure = queue == null ? null : queue.poll();
        if (failure != null) {
            throw failure.get();
        }
        String ref = "m" + ids.incrementAndGet();
        calls.add(new Call(op, where, ref, message, visibleTo, members));
        return ref;
    }

    @Override
    public String post(Conversation conversation, OutboundMessage message, String visibleTo) {
        return record("post", conversation, message, visibleTo, List.of());
    }

    @Override
    public void update(Conversation conversation, String messageRef, OutboundMessage message) {
        record("update:" + messageRef, conversation, message, null, List.of());
    }

    @Override
    public String createGroup(String name, List<String> memberUserIds, String idempotencyKey) {
        String id = "C" + ids.incrementAndGet();
        record("createGroup:" + name, new Conversation(platform, id, null), null, null, memberUserIds);
        return id;
    }

    /** Invitations of this user are refused with {@code reason}, as a platform refuses a deactivated account. */
    public synchronized void refuseMember(String userId, String reason) {
        refused.put(userId, reason);
    }

    @Override
    public Map<String, String> invite(Conversation conversation, List<String> memberUserIds) {
        Map<String, String> missed = new java.util.LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        synchronized (this) {
            memberUserIds.forEach(u -> {
                if (refused.containsKey(u)) {
                    missed.put(u, refused.get(u));
                } else {
                    added.add(u);
                }
            });
        }
        record("invite", conversation, null, null, added);
        return missed;
    }

    @Override
    public String openForm(Conversation conversation, String userId, String trigger, OutboundMessage message) {
        return record("openForm:" + trigger, conversation, message, userId, List.of());
    }

    @Override
    public void setTopic(Conversation conversation, String topic) {
        record("topic:" + topic, conversation, null, null, List.of());
    }

    @Override
    public void pin(Conversation conversation, String messageRef) {
        record("pin:" + messageRef, conversation, null, null, List.of());
    }

    public static Supplier<RuntimeException> rateLimited(java.time.Duration after) {
        return () -> ChatDeliveryException.rateLimited(after);
    }

    public static Supplier<RuntimeException> down() {
        return () -> ChatDeliveryException.transientFailure("platform unreachable", null);
    }

    public static Supplier<RuntimeException> rejected() {
        return () -> ChatDeliveryException.permanentFailure("channel_not_found");
    }
}
