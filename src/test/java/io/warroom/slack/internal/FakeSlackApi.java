package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful stand-in for Slack's Web API over real HTTP: channels with creators and members, messages
 * with ts and threads, ephemeral messages, opened views, users with emails. It checks the bot token,
 * answers {@code auth.test}, and enforces about one chat.postMessage per second per channel and the
 * documented method tiers per minute (Tier 2: 20, Tier 3: 50, Tier 4: 100) with HTTP 429 +
 * {@code Retry-After}, as Slack does. Messages and views that break a documented Block Kit rule
 * ({@link BlockKitRules}) are refused with {@code invalid_blocks} / {@code invalid_arguments} and kept in
 * {@link #refusals()}, so a test fails on a payload the real Slack would refuse.
 */
public class FakeSlackApi implements AutoCloseable {

    public static final String TOKEN = "xoxb-test-0000-fake";
    /** The app-level token Socket Mode opens connections with ({@code apps.connections.open}). */
    public static final String APP_TOKEN = "xapp-1-A0WARROOM-0000-fake";
    static final String BOT_USER = "UBOT0WARROOM";
    static final String BOT_ID = "BBOT0WARROOM";
    static final String TEAM = "T0WARROOM";

    public record Posted(String channel, String ts, String threadTs, String text, JsonNode blocks) {
    }

    public record Ephemeral(String channel, String user, String threadTs, String text, JsonNode blocks) {
    }

    public record OpenedView(String id, String triggerId, JsonNode view) {
    }

    public record Channel(String id, String name, String creator, boolean isPrivate, Set<String> members) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final AtomicLong seq = new AtomicLong(1_700_000_000_000L);
    private final List<Posted> posted = new ArrayList<>();
    private final List<Ephemeral> ephemerals = new ArrayList<>();
    private final List<OpenedView> views = new ArrayList<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, String> topics = new java.util.HashMap<>();
    private final Set<String> pins = new java.util.HashSet<>();
    private final Map<String, String> emails = new HashMap<>();
    private final Set<String> expiredTriggers = new LinkedHashSet<>();
    private final Map<String, Long> lastPostMillis = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final Map<String, Integer> throttled = new HashMap<>();
    private final List<String> refusals = new ArrayList<>();
    private final Duration postInterval;
    private volatile java.util.function.Supplier<String> socketUrls;
    private final Set<String> down = new java.util.HashSet<>();
    private final Set<String> loseAnswer = new java.util.HashSet<>();
    private final Map<String, String> refusedUsers = new HashMap<>();
    private final List<Timed> timings = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private final Map<String, java.util.ArrayDeque<Long>> recent = new HashMap<>();
    private static final Map<String, Integer> PER_MINUTE = Map.of("chat.update", 50, "conversations.invite", 50,
            "chat.postEphemeral", 100, "views.open", 100, "conversations.create", 20, "conversations.setTopic", 20,
            "pins.add", 20);

    public FakeSlackApi(Duration postInterval) {
        this.postInterval = postInterval;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- test controls and views of the state

    /** Answers {@code apps.connections.open} with URLs from this Socket Mode server. */
    void socketMode(FakeSlackSocket socket) {
        this.socketUrls = socket::issueUrl;
    }

    synchronized void user(String id, String email) {
        emails.put(id, email);
    }

    synchronized void expire(String trigger) {
        expiredTriggers.add(trigger);
    }

    /** Every call takes this long, as a distant platform would (for benchmarks). */
    public void latency(Duration perCall) {
        latency = perCall;
    }

    /** While down, {@code method} answers HTTP 503 and changes nothing (an outage, or a crash mid-sequence). */
    public synchronized void down(String method, boolean isDown) {
        if (isDown) {
            down.add(method);
        } else {
            down.remove(method);
        }
    }

    /** The next call of {@code method} does its work but its answer is lost (HTTP 500), as when the link drops. */
    public synchronized void loseNextAnswer(String method) {
        loseAnswer.add(method);
    }

    /** Invitations of this user fail with {@code error} (e.g. a deactivated account: user_not_found); null lifts it. */
    public synchronized void refuseInvites(String userId, String error) {
        if (error == null) {
            refusedUsers.remove(userId);
        } else {
            refusedUsers.put(userId, error);
        }
    }

    /** When each call started and ended (nanoTime), in order, for measuring sequential calls. */
    public synchronized List<Timed> timings() {
        return List.copyOf(timings);
    }

    public record Timed(String method, long startNanos, long endNanos) {
    }

    /** A message written by someone else, e.g. to react to. */
    synchronized String seedMessage(String channel, String threadTs, String text) {
        String ts = nextTs();
        posted.add(new Posted(channel, ts, threadTs, text, null));
        return ts;
    }

    synchronized Channel seedChannel(String name, String creator) {
        Channel c = new Channel("C" + seq.incrementAndGet(), name, creator, false, new LinkedHashSet<>());
        channels.put(c.id(), c);
        return c;
    }

    /** How many messages each channel got posted: for tests that count thousands of channels at once. */
    public synchronized Map<String, Long> postedPerChannel() {
        return posted.stream().collect(java.util.stream.Collectors.groupingBy(Posted::channel,
                java.util.stream.Collectors.counting()));
    }

    public synchronized List<Posted> posted(String channel) {
        return posted.stream().filter(p -> p.channel().equals(channel)).toList();
    }


    public synchronized List<Ephemeral> ephemerals(String channel) {
        return ephemerals.stream().filter(e -> e.channel().equals(channel)).toList();
    }

    public synchronized List<OpenedView> views() {
        return List.copyOf(views);
    }

    public synchronized String topic(String channel) {
        return topics.get(channel);
    }

    public synchronized boolean pinned(String channel, String ts) {
        return pins.contains(channel + "/" + ts);
    }

    public synchronized List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    public synchronized int calls(String method) {
        return calls.getOrDefault(method, 0);
    }

    /** Every payload refused for breaking a Block Kit rule, with the rules it broke. */
    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    synchronized int throttled(String channel) {
        return throttled.getOrDefault(channel, 0);
    }

    // ---- the API

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : form.get("token");
        long started = System.nanoTime();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = 200;
        ObjectNode body;
        synchronized (this) {
            calls.merge(method, 1, Integer::sum);
            if (method.equals("apps.connections.open")) {
                // Only the app-level token may open connections; a bot token gets not_allowed_token_type.
                body = socketUrls == null ? error("invalid_auth") : APP_TOKEN.equals(token)
                        ? ok().put("url", socketUrls.get()) : error(TOKEN.equals(token) ? "not_allowed_token_type" : "invalid_auth");
            } else if (!TOKEN.equals(token)) {
                body = error("invalid_auth");
            } else if (down.contains(method)) {
                status = 503;
                body = error("service_unavailable");
            } else if (overTier(method)) {
                throttled.merge(method, 1, Integer::sum);
                body = json.createObjectNode().put("__retry_after", "5");
            } else {
                body = answer(method, form);
                if (loseAnswer.remove(method)) {
                    status = 500;
                    body = error("internal_error");
                }
            }
            timings.add(new Timed(method, started, System.nanoTime()));
            if (body.has("__retry_after")) {
                status = 429;
                exchange.getResponseHeaders().add("Retry-After", body.get("__retry_after").asText());
                body = error("ratelimited");
            }
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Whether this call would exceed the method's tier within the last minute (then it does not count). */
    private boolean overTier(String method) {
        Integer limit = PER_MINUTE.get(method);
        if (limit == null) {
            return false;
        }
        long now = System.currentTimeMillis();
        var calls = recent.computeIfAbsent(method, m -> new java.util.ArrayDeque<>());
        while (!calls.isEmpty() && calls.peekFirst() < now - 60_000) {
            calls.pollFirst();
        }
        if (calls.size() >= limit) {
            return true;
        }
        calls.addLast(now);
        return false;
    }

    /** Answers of 429 so far, for a channel (chat.postMessage) or a method (its tier). */
    private final Map<String, Long> arrivedAt = new HashMap<>();

    /** When the first root message in {@code channel} containing {@code marker} arrived (System.nanoTime), or -1. */
    public synchronized long firstRootAt(String channel, String marker) {
        return posted.stream().filter(p -> p.channel().equals(channel) && p.threadTs() == null && p.blocks() != null
                        && p.blocks().toString().contains(marker))
                .mapToLong(p -> arrivedAt.getOrDefault(p.ts(), -1L)).min().orElse(-1);
    }

    /** Messages and ephemeral messages posted in a channel (roots and thread replies), for tests in other packages. */
    public synchronized int messagesIn(String channel) {
        return posted(channel).size() + ephemerals(channel).size();
    }

    public synchronized int postsTotal() {
        return posted.size();
    }

    public synchronized int callsTotal() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Map<String, Integer> throttledAll() {
        return Map.copyOf(throttled);
    }

    public synchronized int throttledTotal() {
        return throttled.values().stream().mapToInt(Integer::intValue).sum();
    }

    private ObjectNode answer(String method, Map<String, String> f) throws IOException {
        if (Set.of("chat.postMessage", "chat.postEphemeral", "chat.update").contains(method)) {
            List<String> problems = new ArrayList<>();
            if (f.get("blocks") != null) {
                problems.addAll(BlockKitRules.message(tree(f.get("blocks"))));
            } else if (f.getOrDefault("text", "").isEmpty()) {
                problems.add("no_text");
            }
            if (f.getOrDefault("text", "").length() > 40_000) {
                problems.add("msg_too_long");
            }
            if (!problems.isEmpty()) {
                refusals.add(method + ": " + problems);
                return error("invalid_blocks");
            }
        }
        switch (method) {
            case "auth.test": {
                return ok().put("url", "https://warroom-test.slack.com/").put("team", "Warroom Test")
                        .put("user", "warroom").put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", BOT_ID);
            }
            case "chat.postMessage": {
                String channel = f.get("channel");
                if (!channels.containsKey(channel) && !channel.startsWith("C")) {
                    return error("channel_not_found");
                }
                long now = System.currentTimeMillis();
                Long last = lastPostMillis.get(channel);
                // Slack tolerates short bursts; the fake tolerates none, only the arrival jitter of a loaded
                // machine (a post sent on time may arrive up to a quarter interval late, the next one early).
                if (last != null && now - last < postInterval.toMillis() * 3 / 4) {
                    throttled.merge(channel, 1, Integer::sum);
                    long wait = Math.max(1, (postInterval.toMillis() - (now - last) + 999) / 1000);
                    return json.createObjectNode().put("__retry_after", Long.toString(wait));
                }
                lastPostMillis.put(channel, now);
                String ts = nextTs();
                posted.add(new Posted(channel, ts, f.get("thread_ts"), f.get("text"), tree(f.get("blocks"))));
                arrivedAt.put(ts, System.nanoTime());
                ObjectNode r = ok().put("channel", channel).put("ts", ts);
                r.putObject("message").put("ts", ts).put("text", f.get("text")).put("bot_id", BOT_ID);
                return r;
            }
            case "chat.postEphemeral": {
                ephemerals.add(new Ephemeral(f.get("channel"), f.get("user"), f.get("thread_ts"), f.get("text"),
                        tree(f.get("blocks"))));
                return ok().put("message_ts", nextTs());
            }
            case "chat.update": {
                for (int i = 0; i < posted.size(); i++) {
                    Posted p = posted.get(i);
                    if (p.channel().equals(f.get("channel")) && p.ts().equals(f.get("ts"))) {
                        posted.set(i, new Posted(p.channel(), p.ts(), p.threadTs(), f.get("text"), tree(f.get("blocks"))));
                        return ok().put("channel", p.channel()).put("ts", p.ts());
                    }
                }
                return error("message_not_found");
            }
            case "conversations.create": {
                String name = f.get("name");
                if (name == null || !name.matches("[a-z0-9_-]{1,80}")) {
                    return error("invalid_name_specials");
                }
                if (channels.values().stream().anyMatch(c -> c.name().equals(name))) {
                    return error("name_taken");
                }
                Channel c = new Channel("C" + seq.incrementAndGet(), name, BOT_USER,
                        Boolean.parseBoolean(f.get("is_private")), new LinkedHashSet<>(List.of(BOT_USER)));
                channels.put(c.id(), c);
                ObjectNode r = ok();
                r.set("channel", channelJson(c));
                return r;
            }
            case "conversations.setTopic": {
                if (!channels.containsKey(f.get("channel"))) {
                    return error("channel_not_found");
                }
                if (f.getOrDefault("topic", "").length() > 250) {
                    return error("too_long");
                }
                topics.put(f.get("channel"), f.get("topic"));
                return ok();
            }
            case "pins.add": {
                boolean exists = posted.stream().anyMatch(p -> p.channel().equals(f.get("channel"))
                        && p.ts().equals(f.get("timestamp")));
                if (!exists) {
                    return error("message_not_found");
                }
                return pins.add(f.get("channel") + "/" + f.get("timestamp")) ? ok() : error("already_pinned");
            }
            case "conversations.invite": {
                Channel c = channels.get(f.get("channel"));
                if (c == null) {
                    return error("channel_not_found");
                }
                List<String> users = List.of(f.get("users").split(","));
                var refused = users.stream().filter(refusedUsers::containsKey).findFirst();
                if (refused.isPresent()) {
                    // Like Slack without force=true: one bad user fails the whole call.
                    return error(refusedUsers.get(refused.get()));
                }
                if (users.stream().anyMatch(c.members()::contains)) {
                    return error("already_in_channel");
                }
                c.members().addAll(users);
                ObjectNode r = ok();
                r.set("channel", channelJson(c));
                return r;
            }
            case "conversations.list": {
                ObjectNode r = ok();
                ArrayNode list = r.putArray("channels");
                channels.values().forEach(c -> list.add(channelJson(c)));
                r.putObject("response_metadata").put("next_cursor", "");
                return r;
            }
            case "conversations.history":
            case "conversations.replies": {
                String channel = f.get("channel");
                String ts = f.get("latest");
                ObjectNode r = ok();
                ArrayNode list = r.putArray("messages");
                boolean replies = method.equals("conversations.replies");
                posted.stream().filter(p -> p.channel().equals(channel) && p.ts().equals(ts))
                        .filter(p -> replies == (p.threadTs() != null && !p.threadTs().equals(p.ts())))
                        .forEach(p -> {
                            ObjectNode m = list.addObject().put("type", "message").put("ts", p.ts()).put("text", p.text());
                            if (p.threadTs() != null) {
                                m.put("thread_ts", p.threadTs());
                            }
                        });
                r.put("has_more", false);
                return r;
            }
            case "views.open": {
                String trigger = f.get("trigger_id");
                if (trigger == null || expiredTriggers.contains(trigger)) {
                    return error("expired_trigger_id");
                }
                JsonNode view = tree(f.get("view"));
                List<String> problems = view == null ? List.of("no view") : BlockKitRules.view(view);
                if (!problems.isEmpty()) {
                    refusals.add(method + ": " + problems);
                    return error("invalid_arguments");
                }
                String id = "V" + seq.incrementAndGet();
                views.add(new OpenedView(id, trigger, view));
                ObjectNode r = ok();
                ((ObjectNode) r.putObject("view").setAll((ObjectNode) view)).put("id", id);
                return r;
            }
            case "users.info": {
                String id = f.get("user");
                if (!emails.containsKey(id)) {
                    return error("user_not_found");
                }
                ObjectNode r = ok();
                ObjectNode user = r.putObject("user").put("id", id).put("name", id.toLowerCase());
                if (emails.get(id) != null) {
                    user.putObject("profile").put("email", emails.get(id));
                } else {
                    user.putObject("profile");
                }
                return r;
            }
            default:
                return error("unknown_method");
        }
    }

    private ObjectNode channelJson(Channel c) {
        return json.createObjectNode().put("id", c.id()).put("name", c.name()).put("creator", c.creator())
                .put("is_private", c.isPrivate()).put("is_channel", true);
    }

    private String nextTs() {
        long n = seq.incrementAndGet();
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }

    private JsonNode tree(String s) throws IOException {
        return s == null ? null : json.readTree(s);
    }

    private ObjectNode ok() {
        return json.createObjectNode().put("ok", true);
    }

    private ObjectNode error(String error) {
        return json.createObjectNode().put("ok", false).put("error", error);
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> result = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(k, v);
        }
        return result;
    }
}
