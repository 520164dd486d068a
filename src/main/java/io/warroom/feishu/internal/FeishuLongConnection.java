package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ConnectionKeeper;
import io.warroom.chat.InboundConnection;
import io.warroom.feishu.FeishuProperties;
import io.warroom.shared.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Feishu / Lark long connection (长连接): Warroom asks {@code POST /callback/ws/endpoint} with the app id
 * and secret for a WebSocket URL (that request is the only authentication: frames carry no signature and no
 * encryption), connects, pings every {@code PingInterval} the server gives, and answers every data frame with
 * a response frame (the same frame, its payload {@code {"code":200,"data":<base64 answer>}}) within Feishu's
 * 3 s: events and {@code card.action.trigger} callbacks go through {@link FeishuEvents}, the code the HTTP
 * endpoint runs. Feishu gives each message to one of the app's connections, so every replica may connect;
 * a redelivery is recognised by its event id. {@link ConnectionKeeper} reconnects with backoff and jitter.
 *
 * <p>Starts after and stops before everything else; at shutdown it waits for frames being handled to be
 * answered, then closes the connection.
 */
class FeishuLongConnection implements SmartLifecycle, ConnectionKeeper.Link {

    private static final Logger log = LoggerFactory.getLogger(FeishuLongConnection.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final FeishuProperties properties;
    private final FeishuEvents events;
    private final InboundConnection status;
    private final ObjectMapper json;
    private final OkHttpClient http;
    private final ConnectionKeeper keeper;
    private final FeishuFrameParts parts = new FeishuFrameParts();
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("feishu-long-connection"));
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(daemon("feishu-ping"));
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong lastPong = new AtomicLong();
    private volatile Session current;
    private volatile int pingSeconds = 120;

    /** One WebSocket and what is known about it. */
    private record Session(WebSocket socket, int service, Listener listener) {
    }

    FeishuLongConnection(FeishuProperties properties, FeishuEvents events, InboundConnection status, ObjectMapper json) {
        this.properties = properties;
        this.events = events;
        this.status = status;
        this.json = json;
        this.http = new OkHttpClient.Builder().connectTimeout(properties.timeout()).readTimeout(Duration.ZERO)
                .writeTimeout(properties.timeout()).build();
        var lc = properties.longConnection();
        this.keeper = new ConnectionKeeper("feishu-long-connection", this, status,
                new Backoff(lc.reconnectMin(), lc.reconnectMax()), Duration.ofSeconds(10));
    }

    @Override
    public void start() {
        keeper.start();
        pinger.scheduleWithFixedDelay(this::ping, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public boolean isRunning() {
        return keeper.isRunning();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    @Override
    public void stop() {
        keeper.stop();
        pinger.shutdownNow();
        if (!ConnectionKeeper.awaitIdle(pending::get, properties.longConnection().drainTimeout())) {
            log.warn("Closing the Feishu long connection with {} messages unanswered; Feishu will deliver them again",
                    pending.get());
        }
        Session session = current;
        current = null;
        if (session != null) {
            session.socket().close(1000, "shutting down");
        }
        handlers.shutdown();
        status.lost("stopped");
        log.info("Feishu long connection closed");
    }

    @Override
    public boolean healthy() {
        Session session = current;
        if (session == null || !session.listener().open) {
            return false;
        }
        // A connection that stopped answering pings for three intervals is dead even if TCP has not noticed.
        long silence = System.currentTimeMillis() - Math.max(lastPong.get(), session.listener().openedAt);
        return silence < 3_000L * pingSeconds + 5_000L;
    }

    @Override
    public void open() throws IOException {
        JsonNode endpoint = discover();
        String url = endpoint.path("URL").asText("");
        HttpUrl parsed = HttpUrl.parse(url.replaceFirst("^ws", "http"));
        if (parsed == null) {
            throw new IOException("the endpoint Feishu gave is not a URL");
        }
        configure(endpoint.path("ClientConfig"));
        int service = parseInt(parsed.queryParameter("service_id"));
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocket(new Request.Builder().url(url).build(), listener);
        if (!ConnectionKeeper.await(() -> listener.open || listener.failure != null, OPEN_TIMEOUT) || !listener.open) {
            socket.cancel();
            throw new IOException(listener.failure != null ? listener.failure
                    : "no answer from the long-connection endpoint within " + OPEN_TIMEOUT.toSeconds() + " s");
        }
        Session previous = current;
        current = new Session(socket, service, listener);
        lastPong.set(System.currentTimeMillis());
        if (previous != null) {
            previous.socket().close(1000, "replaced");
        }
    }

    /** {@code POST /callback/ws/endpoint}: the URL to connect to and the client settings. */
    private JsonNode discover() throws IOException {
        String body = json.createObjectNode().put("AppID", properties.appId()).put("AppSecret", properties.appSecret())
                .toString();
        Request request = new Request.Builder().url(properties.baseUrl() + "/callback/ws/endpoint").header("locale", "zh")
                .post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200 || response.body() == null) {
                throw new IOException("endpoint discovery answered HTTP " + response.code());
            }
            JsonNode answer = json.readTree(response.body().string());
            if (answer.path("code").asInt(-1) != 0) {
                // Code and message only: the request carried the secret, the answer does not.
                throw new IOException("endpoint discovery refused: code " + answer.path("code").asText() + " ("
                        + answer.path("msg").asText("") + ")");
            }
            return answer.path("data");
        }
    }

    private void configure(JsonNode config) {
        int ping = config.path("PingInterval").asInt(0);
        if (ping > 0) {
            pingSeconds = ping;
        }
    }

    private void ping() {
        Session session = current;
        if (session != null && session.listener().open
                && System.currentTimeMillis() - session.listener().lastPing >= pingSeconds * 1000L) {
            session.listener().lastPing = System.currentTimeMillis();
            session.socket().send(ByteString.of(FeishuFrame.ping(session.service()).encode()));
        }
    }

    private void handle(Session session, byte[] bytes) {
        String type = "unknown";
        try {
            FeishuFrame frame = FeishuFrame.decode(bytes);
            type = String.valueOf(frame.header("type"));
            if (frame.method() == FeishuFrame.CONTROL) {
                if ("pong".equals(type)) {
                    lastPong.set(System.currentTimeMillis());
                    if (frame.payload().length > 0) {
                        configure(json.readTree(frame.payload()));
                    }
                }
                return;
            }
            byte[] payload = parts.complete(frame);
            if (payload == null) {
                return;
            }
            long started = System.nanoTime();
            int code = 200;
            byte[] data = null;
            try {
                data = json.writeValueAsBytes(events.handle(json.readTree(payload)));
            } catch (FeishuRejected r) {
                code = r.status().value();
                log.info("Refused a Feishu long-connection message: {}", r.reason());
            }
            var answer = json.createObjectNode().put("code", code);
            answer.putObject("headers");
            if (data != null) {
                answer.put("data", Base64.getEncoder().encodeToString(data));
            }
            String millis = Long.toString((System.nanoTime() - started) / 1_000_000);
            session.socket().send(ByteString.of(frame.answer(json.writeValueAsBytes(answer),
                    new FeishuFrame.Header("biz_rt", millis)).encode()));
            status.message(type, code == 200 ? "acked" : "refused");
        } catch (Exception e) {
            // No answer: Feishu delivers the message again, where the event id makes the repeat harmless.
            log.error("Feishu long-connection message failed: {}", e.toString(), e);
            status.message(type, "failed");
        } finally {
            pending.decrementAndGet();
        }
    }

    private final class Listener extends WebSocketListener {
        volatile boolean open;
        volatile String failure;
        volatile long openedAt;
        volatile long lastPing;

        @Override
        public void onOpen(WebSocket socket, Response response) {
            openedAt = System.currentTimeMillis();
            lastPing = openedAt;
            open = true;
        }

        @Override
        public void onMessage(WebSocket socket, ByteString bytes) {
            Session session = new Session(socket, 0, this);
            pending.incrementAndGet();
            try {
                handlers.execute(() -> handle(session, bytes.toByteArray()));
            } catch (RuntimeException e) {
                pending.decrementAndGet();
                throw e;
            }
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            socket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket socket, int code, String reason) {
            lost("closed (" + code + ")");
        }

        @Override
        public void onFailure(WebSocket socket, Throwable t, Response response) {
            String handshake = response == null ? null : response.header("handshake-msg");
            failure = handshake != null ? "refused: " + response.header("handshake-status") + " " + handshake
                    : t.getClass().getSimpleName() + ": " + t.getMessage();
            lost(failure);
        }

        private void lost(String why) {
            boolean wasOpen = open;
            open = false;
            Session session = current;
            if (wasOpen && session != null && session.listener() == this) {
                status.lost(why);
                keeper.wake();
            }
        }
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
