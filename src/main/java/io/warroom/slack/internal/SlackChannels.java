package io.warroom.slack.internal;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Conversation;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.slack.SlackProperties;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Channel creation and invitations. Creation is idempotent per key: a retried creation returns the channel
 * recorded for the key; a taken name is reused only when the channel was created by this bot and belongs
 * to no other key, otherwise a numbered suffix is tried.
 */
@Component
@OnSlack
class SlackChannels {

    static final int MAX_NAME = 80;
    private static final int ATTEMPTS = 5;
    private static final int LIST_PAGES = 10;
    private static final Set<String> HARMLESS_INVITE = Set.of("already_in_channel", "cant_invite_self");
    /** Errors about a user rather than the channel: the others can still be invited. */
    private static final Set<String> USER_REFUSED = Set.of("user_not_found", "cant_invite", "user_is_restricted",
            "user_is_ultra_restricted", "ura_max_channels", "user_not_visible", "no_external_invite_permission",
            "invitee_cant_see_channel", "user_disabled");

    private final MethodsClient slack;
    private final SlackStore store;
    private final BotIdentity bot;
    private final SlackProperties properties;

    SlackChannels(MethodsClient slack, SlackStore store, BotIdentity bot, SlackProperties properties) {
        this.slack = slack;
        this.store = store;
        this.bot = bot;
        this.properties = properties;
    }

    String createOrReuse(String name, String idempotencyKey) {
        Optional<String> known = store.groupFor(idempotencyKey);
        if (known.isPresent()) {
            return known.get();
        }
        String base = sanitise(name);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String candidate = attempt == 1 ? base : suffixed(base, attempt);
            try {
                String id = SlackCalls.raw("conversations.create", () -> slack.conversationsCreate(r -> r
                        .name(candidate).isPrivate(properties.privateGroups()))).getChannel().getId();
                store.saveGroup(idempotencyKey, id, candidate);
                return id;
            } catch (SlackCalls.SlackError e) {
                if (!e.error.equals("name_taken")) {
                    throw SlackCalls.map(e);
                }
                Optional<String> ours = ourUnclaimedChannel(candidate);
                if (ours.isPresent()) {
                    store.saveGroup(idempotencyKey, ours.get(), candidate);
                    return ours.get();
                }
            }
        }
        throw ChatDeliveryException.permanentFailure("conversations.create: names '" + base + "' to '"
                + suffixed(base, ATTEMPTS) + "' are all taken");
    }

    /**
     * Invites everyone it can. Slack fails the whole call when one user cannot be invited (or is there
     * already), so after such a failure each user is invited alone to find out who.
     * @return user id → Slack's error, for each user who could not be invited
     */
    Map<String, String> invite(String channel, List<String> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        try {
            SlackCalls.raw("conversations.invite", () -> slack.conversationsInvite(r -> r.channel(channel).users(users)));
            return Map.of();
        } catch (SlackCalls.SlackError e) {
            boolean harmless = HARMLESS_INVITE.contains(e.error);
            if (!harmless && !USER_REFUSED.contains(e.error)) {
                throw SlackCalls.map(e);
            }
            if (users.size() == 1) {
                return harmless ? Map.of() : Map.of(users.get(0), e.error);
            }
            Map<String, String> missed = new LinkedHashMap<>();
            for (String user : users) {
                missed.putAll(invite(channel, List.of(user)));
            }
            return missed;
        }
    }

    /** A channel of that name this bot created (perhaps before a crash) that no other key owns. */
    private Optional<String> ourUnclaimedChannel(String name) {
        String me = bot.userId();
        String cursor = null;
        for (int page = 0; page < LIST_PAGES; page++) {
            String from = cursor;
            var response = SlackCalls.call("conversations.list", () -> slack.conversationsList(r -> r
                    .types(SlackChatGateway.channelTypes()).excludeArchived(true).limit(200).cursor(from)));
            for (Conversation c : response.getChannels()) {
                if (name.equals(c.getName())) {
                    boolean mine = me.equals(c.getCreator()) && store.keyOfGroup(c.getId()).isEmpty();
                    return mine ? Optional.of(c.getId()) : Optional.empty();
                }
            }
            cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Slack channel names: lowercase letters, digits, hyphens and underscores, at most 80 characters. */
    static String sanitise(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[-_]+|[-_]+$", "");
        if (ascii.isEmpty()) {
            ascii = "warroom";
        }
        return ascii.length() > MAX_NAME ? ascii.substring(0, MAX_NAME).replaceAll("[-_]+$", "") : ascii;
    }

    private static String suffixed(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()) : base;
        return head + suffix;
    }
}
