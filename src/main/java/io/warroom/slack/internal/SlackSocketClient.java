package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import io.warroom.chat.InboundConnection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's Socket Mode client on the Java-WebSocket backend, with its own reconnect loop and session monitor
 * off ({@link SlackSocketMode} reconnects, with backoff and jitter) and two additions: the messages waiting
 * to be handled are counted, so shutdown can wait until they are acknowledged, and Slack's
 * {@code disconnect} request is counted with its reason before the SDK opens the new connection (it opens the
 * new one before closing the old one, as Slack asks).
 */
class SlackSocketClient extends SocketModeClientJavaWSImpl {

    /** Envelopes handled at once; each handler only stores and acknowledges, so a few threads suffice. */
    static final int CONCURRENCY = 4;

    private final CountingQueue queue;
    private final InboundConnection status;
    private final ObjectMapper json = new ObjectMapper();

    private SlackSocketClient(Slack slack, String appToken, String wssUrl, CountingQueue queue,
                              InboundConnection status) throws URISyntaxException {
        super(slack, appToken, wssUrl, CONCURRENCY, queue, false, false, 0L);
        this.queue = queue;
        this.status = status;
    }

    static SlackSocketClient open(Slack slack, String appToken, InboundConnection status) throws IOException {
        try {
            return new SlackSocketClient(slack, appToken, slack.issueSocketModeUrl(appToken), new CountingQueue(), status);
        } catch (URISyntaxException e) {
            throw new IOException("apps.connections.open returned an unusable URL", e);
        }
    }

    /** Messages received and not yet handled to the end (acknowledged or given up). */
    int pending() {
        return queue.pending.get();
    }

    @Override
    public void processMessage(String message) throws IOException {
        try {
            if (message.contains("\"disconnect\"")) {
                var tree = json.readTree(message);
                if ("disconnect".equals(tree.path("type").asText())) {
                    status.reconnecting(tree.path("reason").asText("unknown"));
                }
            }
            super.processMessage(message);
        } finally {
            // Counted down only here, after the handler: between the queue and the handler nothing is lost from view.
            queue.pending.decrementAndGet();
        }
    }

    static final class CountingQueue implements SocketModeMessageQueue {
        private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        private final AtomicInteger pending = new AtomicInteger();

        @Override
        public void add(String message) {
            pending.incrementAndGet();
            messages.add(message);
        }

        @Override
        public String poll() {
            return messages.poll();
        }
    }
}
