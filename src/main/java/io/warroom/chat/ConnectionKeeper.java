package io.warroom.chat;

import io.warroom.shared.Backoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a platform WebSocket that Warroom opens (Slack Socket Mode, the Feishu long connection) open while
 * Warroom runs. One daemon thread: it opens the connection, looks at it every {@code checkInterval} (or at
 * once when {@link #wake()} says something changed), and after a loss or a failed attempt opens a new one
 * after a {@link Backoff} wait with jitter, so replicas that lost the platform together do not all return in
 * the same instant. Outcomes are reported to the connection's {@link InboundConnection}.
 */
public final class ConnectionKeeper {

    /** The platform side: how to open a connection and whether the current one is alive. */
    public interface Link {
        /**
         * Opens a new connection in place of the current one and returns once the platform accepted it.
         * @throws Exception whose message names the problem (never a secret)
         */
        void open() throws Exception;

        /** Whether the current connection is open and answering; may block briefly (a ping). */
        boolean healthy();
    }

    private static final Logger log = LoggerFactory.getLogger(ConnectionKeeper.class);

    private final String name;
    private final Link link;
    private final InboundConnection status;
    private final Backoff backoff;
    private final Duration checkInterval;
    private final Object changed = new Object();
    private volatile boolean running;
    private Thread watcher;

    public ConnectionKeeper(String name, Link link, InboundConnection status, Backoff backoff, Duration checkInterval) {
        this.name = name;
        this.link = link;
        this.status = status;
        this.backoff = backoff;
        this.checkInterval = checkInterval;
    }

    public void start() {
        running = true;
        watcher = new Thread(this::watch, name);
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Stops watching (the owner then closes its connection); returns when the watcher has ended. */
    public void stop() {
        running = false;
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Something happened to the connection (it closed): look at it now rather than at the next check. */
    public void wake() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /**
     * Waits until nothing is pending or the timeout passes.
     * @return whether everything was done
     */
    public static boolean awaitIdle(IntSupplier pending, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.getAsInt() > 0 && System.nanoTime() < deadline) {
            if (!pause(Duration.ofMillis(20))) {
                break;
            }
        }
        return pending.getAsInt() == 0;
    }

    /** Polls until the condition holds, the timeout passes or the thread is interrupted. */
    public static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline || !pause(Duration.ofMillis(20))) {
                return false;
            }
        }
        return true;
    }

    private void watch() {
        int failures = 0;
        boolean first = true;
        while (running) {
            if (!first && link.healthy()) {
                failures = 0;
                status.connected();
                synchronized (changed) {
                    try {
                        changed.wait(checkInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                continue;
            }
            if (!first) {
                // Lost, or the last attempt failed: wait, then look again (a refresh may have healed it meanwhile).
                if (!pause(backoff.delay(failures, ThreadLocalRandom.current())) || !running || link.healthy()) {
                    continue;
                }
                status.reconnecting("lost");
            }
            first = false;
            try {
                link.open();
                failures = 0;
                status.connected();
                log.info("{}: connected", name);
            } catch (Exception e) {
                failures++;
                status.attemptFailed(String.valueOf(e.getMessage()));
                log.warn("{}: could not connect: {}", name, e.getMessage());
            }
        }
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
