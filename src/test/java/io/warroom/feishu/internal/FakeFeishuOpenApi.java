package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Feishu Open API that keeps state: tenant tokens that expire, group and one-to-one chats with members,
 * messages, thread replies, ephemeral cards and card updates. It enforces what the real one documents:
 * Bearer tokens, {@code code != 0} errors, 5 QPS per chat/user (HTTP 429, code 99991400,
 * {@code x-ogw-ratelimit-reset}), 5 QPS per message for updates, {@code update_multi} on patched cards,
 * idempotent chat creation by {@code uuid}, and {@code succeed_type=1} member additions. Every card sent,
 * replied, patched or sent as an ephemeral card must pass {@link FeishuCardRules} (card JSON 2.0, documented
 * components and properties only, unique names, 30 KB); refused cards are kept in {@link #refusals()}.
 */
public final class FakeFeishuOpenApi {

    public static final String APP_ID = "cli_test_app";
    public static final String APP_SECRET = "fake-app-secret-0001";
    public static final String BOT_OPEN_ID = "ou_warroom_bot0001";
    private static final int QPS = 5;

    public record Message(String id, String target, String chatId, String parentId, String rootId, boolean inThread,
                   String ephemeralFor, List<String> contents) {
        public JsonNode card() {
            try {
                return JSON.readTree(contents.get(contents.size() - 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String cardText() {
            return card().toString();
        }
    }

    public record Chat(String id, String type, String name, String owner, Set<String> members, String uuid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeFeishuOpenApi shared;

    private final HttpServer server;
    private final Map<String, Long> tokens = new HashMap<>();
    private final Map<String, Chat> chats = new LinkedHashMap<>();
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, String> byUuid = new HashMap<>();
    private final Set<String> pinned = new java.util.HashSet<>();
    private final Map<String, Deque<Long>> hits = new HashMap<>();
    private final List<String> refusals = new ArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger rejectedTokens = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger addMemberCalls = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile Duration tokenLifetime = Duration.ofHours(2);
    private volatile Duration tokenDelay = Duration.ZERO;
    private volatile Duration latency = Duration.ZERO;
    private final Set<String> down = new java.util.HashSet<>();
    private final Set<String> loseAnswer = new java.util.HashSet<>();
    private final List<Timed> timings = new ArrayList<>();
    /** The exchange whose answer is being lost: what the API does happens, what it says is dropped. */
    private HttpExchange muted;

    /** When each call started and ended (nanoTime), for measuring sequential calls; {@code api} is method + path. */
    public record Timed(String api, long startNanos, long endNanos) {
    }

    /** A fresh fake of its own, for tests whose context (and database) must not meet the shared one's uuids. */
    public static FakeFeishuOpenApi fresh() {
        return new FakeFeishuOpenApi();
    }

    /** One instance per test JVM, so every Feishu test shares one Spring context. */
    static synchronized FakeFeishuOpenApi shared() {
        if (shared == null) {
            shared = new FakeFeishuOpenApi();
        }
        return shared;
    }

    /** A fake of its own, for a test whose context must not share state (tokens, limits) with the others. */
    static FakeFeishuOpenApi separate() {
        return new FakeFeishuOpenApi();
    }

    private FakeFeishuOpenApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-feishu");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/open-apis/", this::serve);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private volatile FakeFeishuLongConnection longConnection;

    /** Answers {@code POST /callback/ws/endpoint} (long-connection endpoint discovery) with this server's URLs. */
    synchronized void longConnection(FakeFeishuLongConnection ws) {
        if (longConnection == null) {
            server.createContext("/callback/ws/endpoint", this::endpoint);
        }
        longConnection = ws;
    }

    private void endpoint(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        ObjectNode answer = JSON.createObjectNode();
        if (!"POST".equals(ex.getRequestMethod()) || !APP_ID.equals(body.path("AppID").asText())
                || !APP_SECRET.equals(body.path("AppSecret").asText())) {
            answer.put("code", 514).put("msg", "auth failed");
        } else {
            answer.put("code", 0).put("msg", "ok");
            ObjectNode data = answer.putObject("data").put("URL", longConnection.issueUrl());
            data.putObject("ClientConfig").put("ReconnectCount", -1).put("ReconnectInterval", 120)
                    .put("ReconnectNonce", 30).put("PingInterval", longConnection.pingSeconds());
        }
        byte[] bytes = JSON.writeValueAsBytes(answer);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    // ---- what tests arrange and inspect ----

    synchronized void addChat(String id, String type, String... members) {
        Set<String> m = new LinkedHashSet<>(List.of(members));
        m.add(BOT_OPEN_ID);
        chats.put(id, new Chat(id, type, id, null, m, null));
    }

    public synchronized List<Message> messagesTo(String target) {
        return messages.values().stream().filter(m -> m.target().equals(target)).toList();
    }

    /** Cards refused for breaking a card JSON 2.0 rule, with what they broke. */
    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    public synchronized Message message(String id) {
        return messages.get(id);
    }

    public synchronized List<Chat> chatsNamed(String name) {
        return chats.values().stream().filter(c -> c.name().equals(name)).toList();
    }

    public synchronized List<Chat> chats() {
        return List.copyOf(chats.values());
    }

    public synchronized Chat chat(String id) {
        return chats.get(id);
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    int rejectedTokens() {
        return rejectedTokens.get();
    }

    int rateLimited() {
        return rateLimited.get();
    }

    public int addMemberCalls() {
        return addMemberCalls.get();
    }

    void tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    void tokenDelay(Duration delay) {
        tokenDelay = delay;
    }

    /** Every API call (tokens included) takes this long, as a distant platform would (for benchmarks). */
    public void latency(Duration perCall) {
        latency = perCall;
    }

    /** While down, calls whose path ends with {@code pathSuffix} answer HTTP 503 and change nothing. */
    public synchronized void down(String pathSuffix, boolean isDown) {
        if (isDown) {
            down.add(pathSuffix);
        } else {
            down.remove(pathSuffix);
        }
    }

    /** The next call whose path ends with {@code pathSuffix} does its work but its answer is lost (HTTP 500). */
    public synchronized void loseNextAnswer(String pathSuffix) {
        loseAnswer.add(pathSuffix);
    }

    public synchronized List<Timed> timings() {
        return List.copyOf(timings);
    }

    /** Every token issued so far stops working now, whatever its expiry said. */
    synchronized void expireAllTokens() {
        tokens.replaceAll((t, exp) -> 0L);
    }

    /** Another bot in the chat used up this second's quota. */
    synchronized void saturate(String target) {
        for (int i = 0; i < QPS; i++) {
            allow(target);
        }
    }

    // ---- the API ----

    private void serve(HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        sleep(latency);
        try {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            JsonNode body = readBody(ex);
            String method = ex.getRequestMethod();
            if (path.equals("/open-apis/auth/v3/tenant_access_token/internal") && method.equals("POST")) {
                issueToken(ex, body);
                return;
            }
            if (!authorised(ex)) {
                rejectedTokens.incrementAndGet();
                reply(ex, 400, error(99991663, "Invalid access token for authorization."));
                return;
            }
            synchronized (this) {
                if (down.stream().anyMatch(path::endsWith)) {
                    reply(ex, 503, error(1, "service unavailable"));
                } else if (loseAnswer.stream().anyMatch(path::endsWith)) {
                    loseAnswer.removeIf(path::endsWith);
                    muted = ex;
                    try {
                        route(ex, method, path, query, body);
                    } finally {
                        muted = null;
                    }
                    reply(ex, 500, error(1, "internal error"));
                } else {
                    route(ex, method, path, query, body);
                }
                timings.add(new Timed(method + " " + path, started, System.nanoTime()));
            }
        } catch (RuntimeException e) {
            reply(ex, 500, error(1, "fake failed: " + e));
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex, String method, String path, Map<String, String> query, JsonNode body)
            throws IOException {
        String[] parts = path.split("/");
        if (path.equals("/open-apis/bot/v3/info")) {
            ObjectNode r = ok();
            r.putObject("bot").put("open_id", BOT_OPEN_ID).put("app_name", "Warroom");
            reply(ex, 200, r);
        } else if (path.equals("/open-apis/im/v1/messages") && method.equals("POST")) {
            send(ex, query.get("receive_id_type"), body);
        } else if (parts.length == 7 && path.startsWith("/open-apis/im/v1/messages/") && parts[6].equals("reply")) {
            replyTo(ex, parts[5], body);
        } else if (parts.length == 6 && path.startsWith("/open-apis/im/v1/messages/") && method.equals("PATCH")) {
            patch(ex, parts[5], body);
        } else if (path.equals("/open-apis/ephemeral/v1/send")) {
            ephemeral(ex, body);
        } else if (path.equals("/open-apis/im/v1/chats") && method.equals("POST")) {
            createChat(ex, query, body);
        } else if (parts.length == 7 && path.startsWith("/open-apis/im/v1/chats/") && parts[6].equals("members")) {
            addMembers(ex, parts[5], query, body);
        } else if (parts.length == 6 && path.startsWith("/open-apis/im/v1/chats/") && method.equals("PUT")) {
            describe(ex, parts[5], body);
        } else if (path.equals("/open-apis/im/v1/pins") && method.equals("POST")) {
            pinMessage(ex, body);
        } else {
            reply(ex, 404, error(404, "no such API in the fake: " + method + " " + path));
        }
    }

    private void issueToken(HttpExchange ex, JsonNode body) throws IOException {
        tokenRequests.incrementAndGet();
        sleep(tokenDelay);
        if (!APP_ID.equals(body.path("app_id").asText()) || !APP_SECRET.equals(body.path("app_secret").asText())) {
            reply(ex, 400, error(10014, "app secret invalid"));
            return;
        }
        String token = "t-" + ids.incrementAndGet();
        long lifetimeMillis = tokenLifetime.toMillis();
        synchronized (this) {
            tokens.put(token, System.currentTimeMillis() + lifetimeMillis);
        }
        reply(ex, 200, ok().put("tenant_access_token", token).put("expire", Math.max(1, lifetimeMillis / 1000)));
    }

    private synchronized boolean authorised(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return false;
        }
        Long expires = tokens.get(auth.substring(7));
        return expires != null && expires > System.currentTimeMillis();
    }

    private void send(HttpExchange ex, String idType, JsonNode body) throws IOException {
        String receiveId = body.path("receive_id").asText();
        String chatId;
        if ("chat_id".equals(idType)) {
            Chat chat = chats.get(receiveId);
            if (chat == null || !chat.members().contains(BOT_OPEN_ID)) {
                reply(ex, 400, error(230002, "The bot is not in the chat."));
                return;
            }
            if ("dissolved".equals(chat.type())) {
                reply(ex, 200, error(232006, "The chat has been dissolved."));
                return;
            }
            chatId = receiveId;
        } else if ("open_id".equals(idType)) {
            if (!receiveId.startsWith("ou_") || receiveId.startsWith("ou_gone")) {
                reply(ex, 400, error(230013, "Bot has NO availability to this user."));
                return;
            }
            chatId = null;
        } else {
            reply(ex, 400, error(99992402, "field validation failed: receive_id_type"));
            return;
        }
        if (!validCard(ex, body)) {
            return;
        }
        if (!allow(receiveId)) {
            limited(ex);
            return;
        }
        if (repeated(ex, body)) {
            return;
        }
        store(ex, body, new Message(nextId(), receiveId, chatId, null, null, false, null,
                new ArrayList<>(List.of(body.path("content").asText()))));
    }

    private void replyTo(HttpExchange ex, String parentId, JsonNode body) throws IOException {
        Message parent = messages.get(parentId);
        if (parent == null || parent.ephemeralFor() != null) {
            reply(ex, 400, error(230011, "The message was recalled or does not exist."));
            return;
        }
        if (!validCard(ex, body)) {
            return;
        }
        if (!allow(parent.target())) {
            limited(ex);
            return;
        }
        String root = parent.rootId() != null ? parent.rootId() : parent.id();
        if (repeated(ex, body)) {
            return;
        }
        store(ex, body, new Message(nextId(), parent.target(), parent.chatId(), parentId, root,
                body.path("reply_in_thread").asBoolean(false), null, new ArrayList<>(List.of(body.path("content").asText()))));
    }

    private void patch(HttpExchange ex, String id, JsonNode body) throws IOException {
        Message m = messages.get(id);
        if (m == null || m.ephemeralFor() != null) {
            reply(ex, 400, error(230011, "The message was recalled or does not exist."));
            return;
        }
        JsonNode next = parse(body.path("content").asText());
        if (!sharedCard(m.card()) || next == null || !sharedCard(next)) {
            reply(ex, 400, error(230099, "update_multi must be true before and after the update"));
            return;
        }
        if (!cardAccepted(ex, next)) {
            return;
        }
        if (!allow("message:" + id)) {
            limited(ex);
            return;
        }
        m.contents().add(body.path("content").asText());
        reply(ex, 200, ok());
    }

    private void ephemeral(HttpExchange ex, JsonNode body) throws IOException {
        Chat chat = chats.get(body.path("chat_id").asText());
        String user = body.path("open_id").asText();
        if (chat == null || !"group".equals(chat.type())) {
            reply(ex, 400, error(230001, "ephemeral cards only in group chats"));
            return;
        }
        if (!chat.members().contains(user)) {
            reply(ex, 400, error(230001, "user is not in the chat"));
            return;
        }
        if (!"interactive".equals(body.path("msg_type").asText()) || !body.path("card").isObject()) {
            reply(ex, 400, error(99992402, "card must be an object"));
            return;
        }
        if (!cardAccepted(ex, body.path("card"))) {
            return;
        }
        Message m = new Message(nextId(), chat.id(), chat.id(), null, null, false, user,
                new ArrayList<>(List.of(body.path("card").toString())));
        messages.put(m.id(), m);
        ObjectNode r = ok();
        r.putObject("data").put("message_id", m.id());
        reply(ex, 200, r);
    }

    private void createChat(HttpExchange ex, Map<String, String> query, JsonNode body) throws IOException {
        if (!"open_id".equals(query.get("user_id_type")) || !"true".equals(query.get("set_bot_manager"))) {
            reply(ex, 400, error(99992402, "expected user_id_type=open_id and set_bot_manager=true"));
            return;
        }
        String uuid = query.get("uuid");
        for (Chat c : chats.values()) {
            if (uuid != null && uuid.equals(c.uuid())) {
                reply(ex, 200, chatCreated(c));
                return;
            }
        }
        if (!"group".equals(body.path("chat_mode").asText()) || !"private".equals(body.path("chat_type").asText())) {
            reply(ex, 400, error(99992402, "chat_mode group and chat_type private expected"));
            return;
        }
        Set<String> members = new LinkedHashSet<>();
        body.path("user_id_list").forEach(u -> {
            if (valid(u.asText())) {
                members.add(u.asText());
            }
        });
        members.add(BOT_OPEN_ID);
        Chat chat = new Chat("oc_" + ids.incrementAndGet(), "group", body.path("name").asText(),
                body.path("owner_id").asText(BOT_OPEN_ID), members, uuid);
        chats.put(chat.id(), chat);
        reply(ex, 200, chatCreated(chat));
    }

    private void describe(HttpExchange ex, String chatId, JsonNode body) throws IOException {
        Chat chat = chats.get(chatId);
        if (chat == null || !chat.members().contains(BOT_OPEN_ID)) {
            reply(ex, 400, error(232011, "The bot is not in the chat."));
            return;
        }
        descriptions.put(chatId, body.path("description").asText());
        reply(ex, 200, ok());
    }

    private void pinMessage(HttpExchange ex, JsonNode body) throws IOException {
        Message m = messages.get(body.path("message_id").asText());
        if (m == null || m.ephemeralFor() != null) {
            reply(ex, 400, error(230011, "The message cannot be pinned."));
            return;
        }
        pinned.add(m.id());
        reply(ex, 200, ok());
    }

    public synchronized String description(String chatId) {
        return descriptions.get(chatId);
    }

    public synchronized boolean pinned(String messageId) {
        return pinned.contains(messageId);
    }

    private void addMembers(HttpExchange ex, String chatId, Map<String, String> query, JsonNode body) throws IOException {
        addMemberCalls.incrementAndGet();
        Chat chat = chats.get(chatId);
        if (chat == null || !chat.members().contains(BOT_OPEN_ID)) {
            reply(ex, 400, error(232011, "The bot is not in the chat."));
            return;
        }
        if (!"open_id".equals(query.get("member_id_type")) || !"1".equals(query.get("succeed_type"))) {
            reply(ex, 400, error(99992402, "expected member_id_type=open_id and succeed_type=1"));
            return;
        }
        ObjectNode r = ok();
        ObjectNode data = r.putObject("data");
        var invalid = data.putArray("invalid_id_list");
        var notExisted = data.putArray("not_existed_id_list");
        data.putArray("pending_approval_id_list");
        body.path("id_list").forEach(u -> {
            String id = u.asText();
            if (!id.startsWith("ou_")) {
                invalid.add(id);
            } else if (id.startsWith("ou_gone")) {
                notExisted.add(id);
            } else {
                chat.members().add(id);
            }
        });
        reply(ex, 200, r);
    }

    // ---- helpers ----

    private boolean validCard(HttpExchange ex, JsonNode body) throws IOException {
        JsonNode card = "interactive".equals(body.path("msg_type").asText()) ? parse(body.path("content").asText()) : null;
        if (card == null) {
            reply(ex, 400, error(230001, "content is not a card"));
            return false;
        }
        return cardAccepted(ex, card);
    }

    /** Card JSON 2.0 cards are shared (update_multi true is their default and only value); 1.0 cards say so. */
    private static boolean sharedCard(JsonNode card) {
        return "2.0".equals(card.path("schema").asText()) ? card.path("config").path("update_multi").asBoolean(true)
                : card.path("config").path("update_multi").asBoolean(false);
    }

    private boolean cardAccepted(HttpExchange ex, JsonNode card) throws IOException {
        List<String> problems = FeishuCardRules.check(card);
        if (problems.isEmpty()) {
            return true;
        }
        refusals.add(problems.toString());
        reply(ex, 400, error(230099, "Failed to create card content: " + problems));
        return false;
    }

    /** Sliding one-second window per target. */
    private synchronized boolean allow(String target) {
        long now = System.nanoTime();
        Deque<Long> window = hits.computeIfAbsent(target, k -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
            window.pollFirst();
        }
        if (window.size() >= QPS) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    private void limited(HttpExchange ex) throws IOException {
        rateLimited.incrementAndGet();
        ex.getResponseHeaders().add("x-ogw-ratelimit-limit", Integer.toString(QPS));
        ex.getResponseHeaders().add("x-ogw-ratelimit-reset", "1");
        reply(ex, 429, error(99991400, "request trigger frequency limit"));
    }

    /** Feishu answers a send or reply carrying a {@code uuid} it has seen with the message it made then. */
    private boolean repeated(HttpExchange ex, JsonNode body) throws IOException {
        String uuid = body.path("uuid").asText("");
        Message earlier = uuid.isEmpty() ? null : messages.get(byUuid.getOrDefault(uuid, ""));
        if (earlier == null) {
            return false;
        }
        ObjectNode r = ok();
        r.putObject("data").put("message_id", earlier.id()).put("chat_id", earlier.chatId());
        reply(ex, 200, r);
        return true;
    }

    private void store(HttpExchange ex, JsonNode body, Message m) throws IOException {
        messages.put(m.id(), m);
        arrivedAt.put(m.id(), System.nanoTime());
        String uuid = body.path("uuid").asText("");
        if (!uuid.isEmpty()) {
            byUuid.put(uuid, m.id());
        }
        ObjectNode r = ok();
        r.putObject("data").put("message_id", m.id()).put("chat_id", m.chatId());
        reply(ex, 200, r);
    }

    private ObjectNode chatCreated(Chat c) {
        ObjectNode r = ok();
        r.putObject("data").put("chat_id", c.id()).put("name", c.name()).put("owner_id", c.owner());
        return r;
    }

    private static boolean valid(String id) {
        return id.startsWith("ou_") && !id.startsWith("ou_gone");
    }

    private String nextId() {
        return "om_" + ids.incrementAndGet();
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("code", 0).put("msg", "success");
    }

    private static ObjectNode error(int code, String msg) {
        ObjectNode r = JSON.createObjectNode().put("code", code).put("msg", msg);
        r.putObject("error").put("log_id", "fake-log-" + code);
        return r;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode readBody(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readAllBytes();
        JsonNode n = bytes.length == 0 ? null : parse(new String(bytes, StandardCharsets.UTF_8));
        return n == null ? JSON.createObjectNode() : n;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (ex == muted) {
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- for benchmarks outside this package ----

    /** A fake of its own (not the one tests share), e.g. for a benchmark. */
    public static FakeFeishuOpenApi standalone() {
        return new FakeFeishuOpenApi();
    }

    public String url() {
        return baseUrl();
    }

    public synchronized void addGroup(String id) {
        addChat(id, "group");
    }

    public int answered429() {
        return rateLimited.get();
    }

    public synchronized int messagesSent() {
        return messages.size();
    }

    /** When the first message to {@code chatId} whose first content contains {@code marker} arrived (System.nanoTime), or -1. */
    public synchronized long firstCardAt(String chatId, String marker) {
        return messages.values().stream()
                .filter(m -> chatId.equals(m.chatId()) && m.parentId() == null && m.contents().get(0).contains(marker))
                .mapToLong(m -> arrivedAt.getOrDefault(m.id(), -1L)).min().orElse(-1);
    }

    private final Map<String, Long> arrivedAt = new HashMap<>();

    public void stop() {
        server.stop(0);
    }
}
