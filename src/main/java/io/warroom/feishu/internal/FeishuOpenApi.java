package io.warroom.feishu.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.feishu.FeishuProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * Thin client of the Feishu / Lark Open API on OkHttp + Jackson. Every call carries the cached tenant
 * token; failures become {@link ChatDeliveryException}s the outbox understands: {@code code != 0} is an
 * error even on HTTP 200; HTTP 429 or code 99991400 waits {@code x-ogw-ratelimit-reset} seconds; network
 * errors and 5xx are transient; a rejected token is renewed once and the call repeated. Tokens and secrets
 * never appear in messages or logs.
 */
@Component
@ConditionalOnFeishu
class FeishuOpenApi {

    static final int RATE_LIMITED = 99991400;
    /** Missing, invalid or expired tenant access token. */
    static final Set<Integer> TOKEN_REJECTED = Set.of(99991661, 99991663, 99991664, 99991665, 99991668, 99991677);
    /** Concurrent member changes on one chat; serialised here, but another client may still collide. */
    static final Set<Integer> TRANSIENT = Set.of(232019);

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final FeishuProperties properties;
    private final HttpUrl base;
    private final TenantTokenCache tokens;
    private volatile String botOpenId;

    FeishuOpenApi(FeishuProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.base = HttpUrl.get(properties.baseUrl());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .writeTimeout(properties.timeout())
                .build();
        this.tokens = new TenantTokenCache(() -> issueToken(clock), properties.tokenRefreshMargin(), clock);
    }

    /** Members an add-members call did not add, by Feishu's reason. */
    record MemberChange(List<String> invalid, List<String> notExisted, List<String> pendingApproval) {
        boolean allAdded() {
            return invalid.isEmpty() && notExisted.isEmpty() && pendingApproval.isEmpty();
        }
    }

    /** {@code POST /open-apis/im/v1/messages}: an interactive card to a chat, a user, ... */
    String sendCard(String receiveIdType, String receiveId, String card, String uuid) {
        ObjectNode body = json.createObjectNode().put("receive_id", receiveId).put("msg_type", "interactive")
                .put("content", card);
        if (uuid != null) {
            body.put("uuid", uuid);
        }
        return call("POST", "/open-apis/im/v1/messages", Map.of("receive_id_type", receiveIdType), body)
                .path("data").path("message_id").asText();
    }

    /** {@code POST /open-apis/im/v1/messages/{id}/reply}, in the message's thread when {@code inThread}. */
    String replyCard(String messageId, String card, boolean inThread, String uuid) {
        ObjectNode body = json.createObjectNode().put("msg_type", "interactive").put("content", card)
                .put("reply_in_thread", inThread);
        if (uuid != null) {
            body.put("uuid", uuid);
        }
        return call("POST", "/open-apis/im/v1/messages/" + segment(messageId) + "/reply", Map.of(), body)
                .path("data").path("message_id").asText();
    }

    /** {@code PATCH /open-apis/im/v1/messages/{id}}: replaces a card (update_multi must be true before and after). */
    void patchCard(String messageId, String card) {
        call("PATCH", "/open-apis/im/v1/messages/" + segment(messageId), Map.of(),
                json.createObjectNode().put("content", card));
    }

    /** {@code POST /open-apis/ephemeral/v1/send}: a card in a group chat that only one member sees. */
    String sendEphemeralCard(String chatId, String openId, ObjectNode card) {
        ObjectNode body = json.createObjectNode().put("chat_id", chatId).put("open_id", openId)
                .put("msg_type", "interactive");
        body.set("card", card);
        return call("POST", "/open-apis/ephemeral/v1/send", Map.of(), body).path("data").path("message_id").asText();
    }

    /**
     * {@code POST /open-apis/im/v1/chats}: a private group chat with the bot as manager. Feishu returns the
     * same chat for the same {@code uuid}, so a retried creation does not make a second chat.
     */
    String createChat(String name, String ownerOpenId, List<String> memberOpenIds, String uuid) {
        ObjectNode body = json.createObjectNode().put("name", name).put("chat_mode", "group")
                .put("chat_type", "private");
        if (ownerOpenId != null) {
            body.put("owner_id", ownerOpenId);
        }
        body.set("user_id_list", json.valueToTree(memberOpenIds));
        return call("POST", "/open-apis/im/v1/chats",
                Map.of("user_id_type", "open_id", "set_bot_manager", "true", "uuid", uuid), body)
                .path("data").path("chat_id").asText();
    }

    /** {@code PUT /open-apis/im/v1/chats/{id}}: a group's description, which Warroom uses as its topic. */
    void setDescription(String chatId, String description) {
        call("PUT", "/open-apis/im/v1/chats/" + segment(chatId), Map.of(),
                json.createObjectNode().put("description", description));
    }

    /** {@code POST /open-apis/im/v1/pins}: pins a message in its chat. */
    void pin(String messageId) {
        call("POST", "/open-apis/im/v1/pins", Map.of(), json.createObjectNode().put("message_id", messageId));
    }

    /** {@code POST /open-apis/im/v1/chats/{id}/members}, adding whoever can be added ({@code succeed_type=1}). */
    MemberChange addMembers(String chatId, List<String> openIds) {
        JsonNode data = call("POST", "/open-apis/im/v1/chats/" + segment(chatId) + "/members",
                Map.of("member_id_type", "open_id", "succeed_type", "1"),
                json.createObjectNode().set("id_list", json.valueToTree(openIds))).path("data");
        return new MemberChange(strings(data.path("invalid_id_list")), strings(data.path("not_existed_id_list")),
                strings(data.path("pending_approval_id_list")));
    }

    /** The bot's own open_id ({@code GET /open-apis/bot/v3/info}), to tell its mentions from others'; null if unknown. */
    String botOpenId() {
        String id = botOpenId;
        if (id == null) {
            try {
                id = call("GET", "/open-apis/bot/v3/info", Map.of(), null).path("bot").path("open_id").asText(null);
                botOpenId = id;
            } catch (ChatDeliveryException e) {
                return null;
            }
        }
        return id;
    }

    private JsonNode call(String method, String path, Map<String, String> query, ObjectNode body) {
        String token = tokens.get();
        try {
            return execute(method, path, query, body, token);
        } catch (TokenRejected e) {
            tokens.invalidate(token);
            try {
                return execute(method, path, query, body, tokens.get());
            } catch (TokenRejected again) {
                throw ChatDeliveryException.transientFailure("Feishu rejected a freshly issued tenant token (code "
                        + again.code + ")", null);
            }
        }
    }

    private JsonNode execute(String method, String path, Map<String, String> query, ObjectNode body, String token) {
        HttpUrl.Builder url = base.newBuilder().encodedPath(path);
        query.forEach(url::addQueryParameter);
        Request request = new Request.Builder().url(url.build())
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? null : RequestBody.create(write(body), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode node = read(response);
            int code = node == null ? -1 : node.path("code").asInt(-1);
            if (response.code() == 429 || code == RATE_LIMITED) {
                throw ChatDeliveryException.rateLimited(resetOf(response));
            }
            if (TOKEN_REJECTED.contains(code)) {
                throw new TokenRejected(code);
            }
            if (response.code() >= 500 || TRANSIENT.contains(code)) {
                throw ChatDeliveryException.transientFailure(describe(method, path, response.code(), node), null);
            }
            if (node == null || code != 0) {
                throw ChatDeliveryException.permanentFailure(describe(method, path, response.code(), node));
            }
            return node;
        } catch (IOException e) {
            throw ChatDeliveryException.transientFailure("Feishu " + method + " " + path + " failed: " + e, e);
        }
    }

    private TenantTokenCache.IssuedToken issueToken(Clock clock) {
        ObjectNode body = json.createObjectNode().put("app_id", properties.appId())
                .put("app_secret", properties.appSecret());
        Request request = new Request.Builder()
                .url(base.newBuilder().encodedPath("/open-apis/auth/v3/tenant_access_token/internal").build())
                .post(RequestBody.create(write(body), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode node = read(response);
            int code = node == null ? -1 : node.path("code").asInt(-1);
            if (response.code() == 429 || code == RATE_LIMITED) {
                throw ChatDeliveryException.rateLimited(resetOf(response));
            }
            if (response.code() >= 500) {
                throw ChatDeliveryException.transientFailure(describe("POST", "tenant_access_token", response.code(), node), null);
            }
            String token = node == null ? null : node.path("tenant_access_token").asText(null);
            if (code != 0 || token == null) {
                throw ChatDeliveryException.permanentFailure("Feishu refused a tenant token (check app id and secret): "
                        + describe("POST", "tenant_access_token", response.code(), node));
            }
            return new TenantTokenCache.IssuedToken(token, clock.instant().plusSeconds(node.path("expire").asLong(0)));
        } catch (IOException e) {
            throw ChatDeliveryException.transientFailure("Feishu token request failed: " + e, e);
        }
    }

    /** Seconds to wait from {@code x-ogw-ratelimit-reset}; a second when absent. */
    private static Duration resetOf(Response response) {
        String reset = response.header("x-ogw-ratelimit-reset");
        try {
            long seconds = reset == null ? 1 : Long.parseLong(reset.trim());
            return seconds <= 0 ? Duration.ofMillis(500) : Duration.ofSeconds(Math.min(seconds, 3600));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    /** Code, message and log id (what Feishu support asks for); never the request, which may hold a secret. */
    private static String describe(String method, String path, int status, JsonNode node) {
        if (node == null) {
            return "Feishu " + method + " " + path + ": HTTP " + status + " without a JSON body";
        }
        String logId = node.path("error").path("log_id").asText("");
        return "Feishu " + method + " " + path + ": HTTP " + status + ", code " + node.path("code").asText("?")
                + " " + node.path("msg").asText("") + (logId.isEmpty() ? "" : " (log_id " + logId + ")");
    }

    private JsonNode read(Response response) throws IOException {
        String text = response.body() == null ? "" : response.body().string();
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw ChatDeliveryException.permanentFailure("request cannot be serialised: " + e.getOriginalMessage());
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.isArray() ? java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList() : List.of();
    }

    private static String segment(String id) {
        if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9_\\-]+")) {
            throw ChatDeliveryException.permanentFailure("not a Feishu id: " + id);
        }
        return id;
    }

    @PreDestroy
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The API did not accept the token; renew it and repeat the call once. */
    private static final class TokenRejected extends RuntimeException {
        private final int code;

        TokenRejected(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
