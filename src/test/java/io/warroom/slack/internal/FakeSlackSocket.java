package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Slack Socket Mode server speaking the documented protocol: URLs handed out by
 * {@code apps.connections.open} (through {@link FakeSlackApi#socketMode}) carry a single-use ticket; a
 * connection with a valid ticket is greeted with {@code hello}; envelopes
 * ({@code envelope_id, type, payload, accepts_response_payload, retry_attempt, retry_reason}) go to one open
 * connection each, and acknowledgements ({@code {"envelope_id": …, "payload"?: …}}) are recorded. Tests can
 * drop connections, ask for a {@code disconnect} refresh and deliver an envelope again, as Slack does when
 * no ack arrives. Plain {@code ws://} on loopback: TLS is the WebSocket library's business, not Warroom's.
 */
class FakeSlackSocket implements AutoCloseable {

    record Ack(String envelopeId, JsonNode payload, WebSocket connection) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> sent = new ConcurrentHashMap<>();
    private final AtomicInteger greeted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Server server;

    FakeSlackSocket() {
        server = new Server();
        server.setReuseAddr(true);
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake Socket Mode server did not start");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A slash command as Socket Mode carries it: the HTTP form's fields as a JSON object. */
    static Map<String, String> slashCommand(String user, String channel, String text, String trigger) {
        Map<String, String> payload = new LinkedHashMap<>();
        for (String pair : SignedSlack.slashCommandBody(user, user.toLowerCase(), channel, text, trigger).split("&")) {
            int eq = pair.indexOf('=');
            payload.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return payload;
    }

    /** What apps.connections.open returns: a fresh single-use URL. */
    String issueUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + ticket + "&app_id=A0WARROOM";
    }

    int greeted() {
        return greeted.get();
    }

    int refused() {
        return refused.get();
    }

    int openConnections() {
        return (int) open.stream().filter(WebSocket::isOpen).count();
    }

    /** Sends an envelope to the newest open connection; returns its envelope id. */
    String send(String type, Object payload) {
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = json.createObjectNode().put("envelope_id", id).put("type", type)
                .put("accepts_response_payload", !type.equals("events_api")).put("retry_attempt", 0)
                .put("retry_reason", "");
        envelope.set("payload", json.valueToTree(payload));
        sent.put(id, envelope);
        newest().send(envelope.toString());
        return id;
    }

    /** Sends one envelope to every open connection at once: Slack retrying on other connections, at worst. */
    String sendToAll(String type, Object payload) {
        String id = send(type, payload);
        String envelope = sent.get(id).toString();
        WebSocket first = newest();
        open.stream().filter(c -> c.isOpen() && c != first).forEach(c -> c.send(envelope));
        return id;
    }

    /** Delivers an envelope again, as Slack does when its ack did not arrive in time. */
    void redeliver(String envelopeId) {
        ObjectNode envelope = sent.get(envelopeId).deepCopy();
        envelope.put("retry_attempt", envelope.path("retry_attempt").asInt() + 1).put("retry_reason", "timeout");
        sent.put(envelopeId, envelope);
        newest().send(envelope.toString());
    }

    /** Sends the envelope and breaks the connection at once, before an ack can come back on it. */
    String sendAndDrop(String type, Object payload) {
        WebSocket target = newest();
        String id = send(type, payload);
        target.closeConnection(1006, "dropped by the test");
        return id;
    }

    /** Breaks every open connection without a close handshake, as a network failure would. */
    void dropAll() {
        open.forEach(c -> c.closeConnection(1006, "dropped by the test"));
    }

    /** Slack's request to move to a new connection. */
    void askRefresh() {
        open.stream().filter(WebSocket::isOpen).forEach(c -> c.send(
                "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"applink-fake\"}}"));
    }

    List<Ack> acks(String envelopeId) {
        return acks.stream().filter(a -> a.envelopeId().equals(envelopeId)).toList();
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    private WebSocket newest() {
        List<WebSocket> candidates = new ArrayList<>(open.stream().filter(WebSocket::isOpen).toList());
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no open Socket Mode connection");
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
            open.add(conn);
            greeted.incrementAndGet();
            conn.send("{\"type\":\"hello\",\"num_connections\":" + openConnections() + ",\"debug_info\":{\"host\":"
                    + "\"applink-fake\",\"build_number\":1,\"approximate_connection_time\":18060},"
                    + "\"connection_info\":{\"app_id\":\"A0WARROOM\"}}");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            open.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode ack = json.readTree(message);
                acks.add(new Ack(ack.path("envelope_id").asText(), ack.get("payload"), conn));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON: " + message, e);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // Dropped connections end here too; nothing to do.
        }
    }
}
