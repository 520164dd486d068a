package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feishu as a chat platform. Every message is an interactive card (only cards can be patched). A message
 * in a thread is a reply in that thread. Messages for one user: see {@link #toOneUser} and {@link #openForm}.
 */
@Component
@ConditionalOnFeishu
class FeishuChatGateway implements ChatGateway {

    private static final Logger log = LoggerFactory.getLogger(FeishuChatGateway.class);
    /** Feishu takes at most 50 users per create-chat or add-members call. */
    static final int MEMBERS_PER_CALL = 50;

    private final FeishuOpenApi api;
    private final FeishuCardRenderer renderer;
    private final ChatLocales locales;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Object[] memberLocks = new Object[64];

    FeishuChatGateway(FeishuOpenApi api, FeishuCardRenderer renderer, ChatLocales locales, ObjectMapper json,
                      MeterRegistry meters) {
        this.api = api;
        this.renderer = renderer;
        this.locales = locales;
        this.json = json;
        this.meters = meters;
        for (int i = 0; i < memberLocks.length; i++) {
            memberLocks[i] = new Object();
        }
    }

    @Override
    public Platform platform() {
        return Platform.FEISHU;
    }

    @Override
    public String post(Conversation conversation, OutboundMessage message, String visibleTo) {
        return post(conversation, message, visibleTo, null);
    }

    /** {@code idempotencyKey} becomes the send's {@code uuid}: Feishu drops a repeat within an hour. */
    @Override
    public String post(Conversation conversation, OutboundMessage message, String visibleTo, String idempotencyKey) {
        Locale locale = locales.of(conversation);
        if (visibleTo != null) {
            return toOneUser(conversation, visibleTo, message, locale);
        }
        String card = renderer.content(message, locale, json);
        if (conversation.thread() != null) {
            try {
                return api.replyCard(conversation.thread(), card, true, idempotencyKey);
            } catch (ChatDeliveryException e) {
                // The thread root may be a card nobody can reply to (an ephemeral one): say it in the chat.
                if (e.retryable() || !isChat(conversation.channel())) {
                    throw e;
                }
                log.info("Reply to Feishu message {} failed ({}); posting in the chat instead", conversation.thread(),
                        e.getMessage());
            }
        }
        return api.sendCard(receiveIdType(conversation.channel()), conversation.channel(), card, idempotencyKey);
    }

    @Override
    public void update(Conversation conversation, String messageRef, OutboundMessage message) {
        api.patchCard(messageRef, renderer.content(message, locales.of(conversation), json));
    }

    @Override
    public String createGroup(String name, List<String> memberUserIds, String idempotencyKey) {
        List<String> first = memberUserIds.subList(0, Math.min(MEMBERS_PER_CALL, memberUserIds.size()));
        String owner = memberUserIds.isEmpty() ? null : memberUserIds.get(0);
        // Group names are at most 60 characters (create-chat API).
        String chatId = api.createChat(io.warroom.chat.TextCut.cut(name, 60), owner, first, uuid(idempotencyKey));
        if (memberUserIds.size() > MEMBERS_PER_CALL) {
            invite(Conversation.of(Platform.FEISHU, chatId), memberUserIds.subList(MEMBERS_PER_CALL, memberUserIds.size()));
        }
        return chatId;
    }

    /** Member changes on one chat are serialised: Feishu fails concurrent ones (code 232019). */
    @Override
    public Map<String, String> invite(Conversation conversation, List<String> memberUserIds) {
        String chatId = conversation.channel();
        Map<String, String> missed = new LinkedHashMap<>();
        synchronized (memberLocks[Math.floorMod(chatId.hashCode(), memberLocks.length)]) {
            for (int i = 0; i < memberUserIds.size(); i += MEMBERS_PER_CALL) {
                var batch = memberUserIds.subList(i, Math.min(i + MEMBERS_PER_CALL, memberUserIds.size()));
                missed.putAll(report(chatId, api.addMembers(chatId, batch)));
            }
        }
        return missed;
    }

    /**
     * Feishu groups have no topic; the description (shown under the name, plain text, so nothing in it is
     * markup) plays that part, up to 100 characters.
     */
    @Override
    public void setTopic(Conversation conversation, String topic) {
        api.setDescription(conversation.channel(), io.warroom.chat.TextCut.cut(topic, 100));
    }

    @Override
    public void pin(Conversation conversation, String messageRef) {
        api.pin(messageRef);
    }

    /**
     * Feishu has no modals, and an ephemeral card reaches only someone online at that moment: a form goes to
     * the person as a direct message, which waits for them; where the bot may not write to them directly
     * (outside the app's availability), it is shown in the chat to them alone instead.
     */
    @Override
    public String openForm(Conversation conversation, String userId, String trigger, OutboundMessage message) {
        return mustNotMiss(conversation, userId, message, locales.of(conversation));
    }

    /**
     * A message for one person. What they must act on (buttons, a form) is a direct message, which waits for
     * them; an answer to what they just typed is an ephemeral card in the chat (they are there and online),
     * or a direct message where the chat has no ephemeral cards (one-to-one chats, topic groups).
     */
    private String toOneUser(Conversation conversation, String openId, OutboundMessage message, Locale locale) {
        if (!message.buttons().isEmpty() || message.form() != null) {
            return mustNotMiss(conversation, openId, message, locale);
        }
        if (isChat(conversation.channel())) {
            try {
                return api.sendEphemeralCard(conversation.channel(), openId, renderer.card(message, locale));
            } catch (ChatDeliveryException e) {
                if (e.retryable()) {
                    throw e;
                }
                log.debug("No ephemeral card in Feishu chat {} ({}); sending a direct message", conversation.channel(),
                        e.getMessage());
            }
        }
        return api.sendCard("open_id", openId, renderer.content(message, locale, json), null);
    }

    private String mustNotMiss(Conversation conversation, String openId, OutboundMessage message, Locale locale) {
        try {
            return api.sendCard("open_id", openId, renderer.content(message, locale, json), null);
        } catch (ChatDeliveryException e) {
            if (e.retryable() || !isChat(conversation.channel())) {
                throw e;
            }
            log.info("No direct message to Feishu user {} ({}); showing it to them in chat {}", openId, e.getMessage(),
                    conversation.channel());
            return api.sendEphemeralCard(conversation.channel(), openId, renderer.card(message, locale));
        }
    }

    private Map<String, String> report(String chatId, FeishuOpenApi.MemberChange change) {
        if (change.allAdded()) {
            return Map.of();
        }
        log.warn("Feishu chat {}: not added: invalid {}, not existing {}, pending approval {}", chatId,
                change.invalid(), change.notExisted(), change.pendingApproval());
        count("invalid", change.invalid().size());
        count("not-existed", change.notExisted().size());
        count("pending-approval", change.pendingApproval().size());
        Map<String, String> missed = new LinkedHashMap<>();
        change.invalid().forEach(id -> missed.put(id, "invalid"));
        change.notExisted().forEach(id -> missed.put(id, "not_existed"));
        change.pendingApproval().forEach(id -> missed.put(id, "pending_approval"));
        return missed;
    }

    private void count(String reason, int n) {
        if (n > 0) {
            meters.counter("warroom.feishu.members.rejected", "reason", reason).increment(n);
        }
    }

    /** Group and one-to-one chats have {@code oc_} ids; a channel may also be a user's open_id ({@code ou_}). */
    private static boolean isChat(String channel) {
        return channel.startsWith("oc_");
    }

    private static String receiveIdType(String channel) {
        return channel.startsWith("ou_") ? "open_id" : "chat_id";
    }

    /** Feishu's uuid is at most 50 characters: longer keys are hashed. */
    static String uuid(String key) {
        if (key.length() <= 50) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 48);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
