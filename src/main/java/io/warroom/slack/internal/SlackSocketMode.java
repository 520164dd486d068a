package io.warroom.slack.internal;

import com.slack.api.Slack;
import io.warroom.chat.ConnectionKeeper;
import io.warroom.chat.InboundConnection;
import io.warroom.shared.Backoff;
import io.warroom.slack.SlackProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps one Socket Mode connection to Slack open for as long as Warroom runs: a new connection asks Slack
 * for a URL ({@code apps.connections.open}, with the app token), connects and waits for {@code hello}; the
 * open one is pinged every {@code check-interval}; a lost one is replaced after a backoff with jitter
 * ({@link ConnectionKeeper}). Slack's {@code disconnect} refresh is followed by the SDK (new connection first,
 * then the old one closes).
 *
 * <p>Starts after and stops before everything else: at shutdown it waits (up to {@code drain-timeout}) until
 * every envelope received has been handled and acknowledged, then closes the connection, so nothing in flight
 * is lost; anything Slack sends after that stays unacknowledged and is delivered to another connection.
 */
class SlackSocketMode implements SmartLifecycle, ConnectionKeeper.Link {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);

    private final Slack slack;
    private final SlackProperties properties;
    private final SlackEnvelopes envelopes;
    private final InboundConnection status;
    private final ConnectionKeeper keeper;
    private final AtomicLong hellos = new AtomicLong();
    private volatile SlackSocketClient client;

    SlackSocketMode(Slack slack, SlackProperties properties, SlackEnvelopes envelopes, InboundConnection status) {
        this.slack = slack;
        this.properties = properties;
        this.envelopes = envelopes;
        this.status = status;
        var socket = properties.socket();
        this.keeper = new ConnectionKeeper("slack-socket-mode", this, status,
                new Backoff(socket.reconnectMin(), socket.reconnectMax()), socket.checkInterval());
    }

    @Override
    public void start() {
        keeper.start();
    }

    @Override
    public boolean isRunning() {
        return keeper.isRunning();
    }

    @Override
    public int getPhase() {
        // Highest phase: started after the database and workers, stopped before them.
        return Integer.MAX_VALUE - 100;
    }

    @Override
    public void stop() {
        keeper.stop();
        SlackSocketClient current = client;
        if (current == null) {
            return;
        }
        if (!ConnectionKeeper.awaitIdle(current::pending, properties.socket().drainTimeout())) {
            log.warn("Closing Slack Socket Mode with {} envelopes unhandled; Slack will deliver them again", current.pending());
        }
        try {
            current.close();
        } catch (Exception e) {
            log.warn("Closing Slack Socket Mode: {}", e.toString());
        }
        status.lost("stopped");
        log.info("Slack Socket Mode connection closed");
    }

    @Override
    public boolean healthy() {
        SlackSocketClient current = client;
        return current != null && current.verifyConnection();
    }

    @Override
    public void open() throws IOException {
        long before = hellos.get();
        if (client == null) {
            SlackSocketClient opened = SlackSocketClient.open(slack, properties.appToken(), status);
            opened.addWebSocketMessageListener(message -> {
                if ("hello".equals(envelopes.handle(opened, message))) {
                    hellos.incrementAndGet();
                }
            });
            opened.addWebSocketCloseListener((code, reason) -> {
                // Also the old connection of a refresh: the keeper looks at once and finds the new one.
                status.lost("closed (" + code + ")");
                keeper.wake();
            });
            client = opened;
            opened.connect();
        } else {
            // The SDK's messages name the Slack error (invalid_auth, …), never the token.
            client.connectToNewEndpoint();
        }
        if (!ConnectionKeeper.await(() -> hellos.get() != before, HELLO_TIMEOUT)) {
            throw new IOException("connected, but Slack did not say hello within " + HELLO_TIMEOUT.toSeconds() + " s");
        }
    }
}
