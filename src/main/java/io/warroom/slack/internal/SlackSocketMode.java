package io.warroom.slack.internal;

import com.slack.api.Slack;
import io.warroom.chat.InboundConnection;
import io.warroom.shared.Backoff;
import io.warroom.slack.SlackProperties;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps one Socket Mode connection to Slack open for as long as Warroom runs. One thread watches it: it
 * connects ({@code apps.connections.open}, then the {@code wss://} URL, then waits for {@code hello}), pings
 * the open connection every {@code check-interval}, and after a loss or a failed attempt reconnects after a
 * backoff with jitter, so replicas that lost Slack together do not all return in the same instant. Slack's
 * {@code disconnect} refresh is followed by the SDK (new connection first, then the old one closes).
 *
 * <p>Starts after and stops before everything else: at shutdown it waits (up to {@code drain-timeout}) until
 * every envelope received has been handled and acknowledged, then closes the connection, so nothing in flight
 * is lost; anything Slack sends after that stays unacknowledged and is delivered to another connection.
 */
class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);

    private final Slack slack;
    private final SlackProperties properties;
    private final SlackEnvelopes envelopes;
    private final InboundConnection status;
    private final Backoff backoff;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong hellos = new AtomicLong();
    private volatile boolean running;
    private volatile SlackSocketClient client;
    private Thread watcher;

    SlackSocketMode(Slack slack, SlackProperties properties, SlackEnvelopes envelopes, InboundConnection status) {
        this.slack = slack;
        this.properties = properties;
        this.envelopes = envelopes;
        this.status = status;
        this.backoff = new Backoff(properties.socket().reconnectMin(), properties.socket().reconnectMax());
    }

    @Override
    public void start() {
        running = true;
        watcher = new Thread(this::watch, "slack-socket-mode");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Highest phase: started after the database and workers, stopped before them.
        return Integer.MAX_VALUE - 100;
    }

    @Override
    public void stop() {
        running = false;
        signal();
        if (watcher != null) {
            watcher.interrupt();
            join(watcher);
        }
        SlackSocketClient current = client;
        if (current == null) {
            return;
        }
        long deadline = System.nanoTime() + properties.socket().drainTimeout().toNanos();
        while (current.pending() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        if (current.pending() > 0) {
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

    private void watch() {
        int failures = 0;
        boolean first = true;
        while (running) {
            if (!first && isHealthy()) {
                failures = 0;
                status.connected();
                awaitChange(properties.socket().checkInterval());
                continue;
            }
            if (!first) {
                // Lost, or the last attempt failed: wait, then look again (a refresh may have healed it meanwhile).
                sleep(backoff.delay(failures, ThreadLocalRandom.current()));
                if (!running || isHealthy()) {
                    continue;
                }
                status.reconnecting("lost");
            }
            first = false;
            if (connect()) {
                failures = 0;
            } else {
                failures++;
            }
        }
    }

    private boolean isHealthy() {
        SlackSocketClient current = client;
        return current != null && current.verifyConnection();
    }

    private boolean connect() {
        long before = hellos.get();
        try {
            if (client == null) {
                client = SlackSocketClient.open(slack, properties.appToken(), status);
                SlackSocketClient opened = client;
                opened.addWebSocketMessageListener(message -> {
                    if ("hello".equals(envelopes.handle(opened, message))) {
                        hellos.incrementAndGet();
                        signal();
                    }
                });
                opened.addWebSocketCloseListener((code, reason) -> {
                    // Also the old connection of a refresh: the watcher looks at once and sees the new one.
                    status.lost("closed (" + code + ")");
                    signal();
                });
                client.connect();
            } else {
                client.connectToNewEndpoint();
            }
        } catch (Exception e) {
            // The SDK's messages name the Slack error (invalid_auth, …), never the token.
            status.attemptFailed(e.getMessage());
            log.warn("Slack Socket Mode: could not connect: {}", e.getMessage());
            return false;
        }
        if (awaitHello(before)) {
            log.info("Slack Socket Mode connected");
            return true;
        }
        status.attemptFailed("no hello from Slack within " + HELLO_TIMEOUT.toSeconds() + " s");
        log.warn("Slack Socket Mode: connected but Slack did not say hello within {} s", HELLO_TIMEOUT.toSeconds());
        return false;
    }

    private boolean awaitHello(long before) {
        long deadline = System.nanoTime() + HELLO_TIMEOUT.toNanos();
        lock.lock();
        try {
            while (running && hellos.get() == before) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return hellos.get() != before;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void awaitChange(Duration max) {
        lock.lock();
        try {
            changed.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
