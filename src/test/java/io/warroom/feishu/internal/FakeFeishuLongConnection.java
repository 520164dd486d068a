package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Feishu long-connection server as Feishu's SDKs describe it: endpoint discovery
 * ({@code POST /callback/ws/endpoint} on {@link FakeFeishuOpenApi#longConnection}, answering a single-use
 * {@code ws://…?device_id=…&service_id=…} URL and a {@code ClientConfig}), protobuf {@code pbbp2.Frame}s in
 * binary messages — encoded and decoded here with the reference protobuf library, independently of
 * Warroom's codec —, ping control frames answered by pong frames carrying the client config, and data frames
 * ({@code type=event}, {@code message_id}, {@code sum}, {@code seq}, {@code trace_id}) that the client answers
 * with a response frame ({@code {"code":200,"data":<base64>}}), recorded by message id. Each message goes to
 * one open connection.
 */
class FakeFeishuLongConnection implements AutoCloseable {

    static final int SERVICE_ID = 33554678;

    record Header(String key, String value) {
    }

    /** A decoded frame. */
    record Frame(long seq, long log, int service, int method, List<Header> headers, byte[] payload) {
        String header(String key) {
            return headers.stream().filter(h -> h.key().equals(key)).map(Header::value).findFirst().orElse(null);
        }
    }

    /** The client's answer to a data frame: its code and the decoded {@code data} (null when none). */
    record Answer(int code, JsonNode data, List<Header> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Integer> pings = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(7_000_000);
    private final Server server = new Server();
    private volatile int pingSeconds = 120;

    FakeFeishuLongConnection() {
        server.setReuseAddr(true);
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake long-connection server did not start");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    String issueUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + server.getPort() + "/ws/v2?fpid=493&aid=552564&device_id=" + ticket
                + "&access_key=fake&service_id=" + SERVICE_ID + "&ticket=" + ticket;
    }

    int pingSeconds() {
        return pingSeconds;
    }

    /** The PingInterval handed out from now on (in discovery answers and pongs). */
    void pingSeconds(int seconds) {
        pingSeconds = seconds;
    }

    int connections() {
        return connections.get();
    }

    int refused() {
        return refused.get();
    }

    int openConnections() {
        return (int) open.stream().filter(WebSocket::isOpen).count();
    }

    /** The service ids of the pings received. */
    List<Integer> pings() {
        return List.copyOf(pings);
    }

    List<Answer> answers(String messageId) {
        return answers.getOrDefault(messageId, List.of());
    }

    /** Sends an event (or card callback) as one data frame to the newest open connection; returns its message id. */
    String send(JsonNode event) {
        return send(event, 1);
    }

    /** The same, split into {@code parts} data frames, as Feishu does with large messages. */
    String send(JsonNode event, int parts) {
        String messageId = "msg_" + UUID.randomUUID();
        byte[] payload = event.toString().getBytes(StandardCharsets.UTF_8);
        WebSocket target = newest();
        int size = (payload.length + parts - 1) / parts;
        for (int seq = 0; seq < parts; seq++) {
            int from = Math.min(payload.length, seq * size);
            byte[] part = java.util.Arrays.copyOfRange(payload, from, Math.min(payload.length, from + size));
            List<Header> headers = List.of(new Header("type", "event"), new Header("message_id", messageId),
                    new Header("sum", Integer.toString(parts)), new Header("seq", Integer.toString(seq)),
                    new Header("trace_id", "trace-" + messageId));
            target.send(encode(new Frame(ids.incrementAndGet(), ids.incrementAndGet(), SERVICE_ID, 1, headers, part)));
        }
        return messageId;
    }

    /** Sends the event and breaks the connection at once, before an answer can come back on it. */
    String sendAndDrop(JsonNode event) {
        WebSocket target = newest();
        String id = send(event);
        target.closeConnection(1006, "dropped by the test");
        return id;
    }

    void dropAll() {
        open.forEach(c -> c.closeConnection(1006, "dropped by the test"));
    }

    private WebSocket newest() {
        List<WebSocket> candidates = new ArrayList<>(open.stream().filter(WebSocket::isOpen).toList());
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no open long connection");
        }
        return candidates.get(candidates.size() - 1);
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- protobuf, with the reference library

    static byte[] encode(Frame f) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeUInt64(1, f.seq());
            out.writeUInt64(2, f.log());
            out.writeInt32(3, f.service());
            out.writeInt32(4, f.method());
            for (Header h : f.headers()) {
                ByteArrayOutputStream hb = new ByteArrayOutputStream();
                CodedOutputStream ho = CodedOutputStream.newInstance(hb);
                ho.writeString(1, h.key());
                ho.writeString(2, h.value());
                ho.flush();
                out.writeByteArray(5, hb.toByteArray());
            }
            if (f.payload() != null) {
                out.writeByteArray(8, f.payload());
            }
            out.writeString(9, "log-" + f.log());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Frame decode(byte[] bytes) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            long seq = 0;
            long log = 0;
            int service = 0;
            int method = 0;
            List<Header> headers = new ArrayList<>();
            byte[] payload = null;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag >>> 3) {
                    case 1 -> seq = in.readUInt64();
                    case 2 -> log = in.readUInt64();
                    case 3 -> service = in.readInt32();
                    case 4 -> method = in.readInt32();
                    case 5 -> {
                        CodedInputStream h = CodedInputStream.newInstance(in.readByteArray());
                        String key = "";
                        String value = "";
                        for (int t = h.readTag(); t != 0; t = h.readTag()) {
                            if (t >>> 3 == 1) {
                                key = h.readString();
                            } else if (t >>> 3 == 2) {
                                value = h.readString();
                            } else {
                                h.skipField(t);
                            }
                        }
                        headers.add(new Header(key, value));
                    }
                    case 8 -> payload = in.readByteArray();
                    default -> in.skipField(tag);
                }
            }
            return new Frame(seq, log, service, method, headers, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String resource = handshake.getResourceDescriptor();
            int at = resource.indexOf("ticket=");
            String ticket = at < 0 ? "" : resource.substring(at + 7).split("&")[0];
            if (!tickets.remove(ticket)) {
                refused.incrementAndGet();
                conn.close(1008, "invalid ticket");
                return;
            }
            connections.incrementAndGet();
            open.add(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            open.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            throw new IllegalStateException("the long connection carries binary frames only, got text");
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            Frame frame = decode(bytes);
            if (frame.method() == 0 && "ping".equals(frame.header("type"))) {
                pings.add(frame.service());
                byte[] config = ("{\"PingInterval\":" + pingSeconds + ",\"ReconnectCount\":-1,\"ReconnectInterval\":120,"
                        + "\"ReconnectNonce\":30}").getBytes(StandardCharsets.UTF_8);
                conn.send(encode(new Frame(0, 0, frame.service(), 0, List.of(new Header("type", "pong")), config)));
                return;
            }
            if (frame.method() == 1) {
                try {
                    JsonNode answer = JSON.readTree(frame.payload());
                    JsonNode data = answer.hasNonNull("data")
                            ? JSON.readTree(Base64.getDecoder().decode(answer.get("data").asText())) : null;
                    answers.computeIfAbsent(frame.header("message_id"), k -> new CopyOnWriteArrayList<>())
                            .add(new Answer(answer.path("code").asInt(), data, frame.headers()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // Dropped connections end here too.
        }
    }

    static Map<String, String> headersOf(Answer a) {
        Map<String, String> m = new LinkedHashMap<>();
        a.headers().forEach(h -> m.put(h.key(), h.value()));
        return m;
    }
}
