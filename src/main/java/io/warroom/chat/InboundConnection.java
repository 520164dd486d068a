package io.warroom.chat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The state of a WebSocket Warroom opens to a platform to receive events without a public URL (Slack Socket
 * Mode, the Feishu/Lark long connection), as metrics and as a health component. The adapter that owns the
 * socket reports what happens; this class only keeps and shows it.
 *
 * <p>Metrics (tag {@code platform}): {@code warroom.chat.socket.connected} (1 or 0),
 * {@code warroom.chat.socket.reconnects} (tag {@code reason}: lost, refresh_requested, warning, …),
 * {@code warroom.chat.socket.failures} (connection attempts that failed), and
 * {@code warroom.chat.socket.messages} (tags {@code type}, {@code outcome}: acked, unhandled, failed).
 */
public final class InboundConnection implements HealthIndicator {

    private final Platform platform;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicReference<Instant> since;
    private final AtomicReference<String> lastProblem = new AtomicReference<>();

    public InboundConnection(Platform platform, MeterRegistry meters, Clock clock) {
        this.platform = platform;
        this.meters = meters;
        this.clock = clock;
        this.since = new AtomicReference<>(clock.instant());
        Gauge.builder("warroom.chat.socket.connected", connected, AtomicInteger::get)
                .description("Whether the platform's inbound WebSocket is open").tag("platform", platform.id())
                .register(meters);
    }

    /** The platform greeted a new connection: events can flow. */
    public void connected() {
        failuresInARow.set(0);
        lastProblem.set(null);
        if (connected.getAndSet(1) == 0) {
            since.set(clock.instant());
        }
    }

    /** The connection is gone; {@code reason} is a short word for the log and the health details. */
    public void lost(String reason) {
        lastProblem.set(reason);
        if (connected.getAndSet(0) == 1) {
            since.set(clock.instant());
        }
    }

    /** A new connection is being opened in place of the current or a lost one. */
    public void reconnecting(String reason) {
        meters.counter("warroom.chat.socket.reconnects", "platform", platform.id(), "reason", reason).increment();
    }

    /** An attempt to connect failed; {@code problem} must not contain a secret. */
    public void attemptFailed(String problem) {
        failuresInARow.incrementAndGet();
        lastProblem.set(problem);
        meters.counter("warroom.chat.socket.failures", "platform", platform.id()).increment();
    }

    public void message(String type, String outcome) {
        meters.counter("warroom.chat.socket.messages", "platform", platform.id(), "type", type, "outcome", outcome)
                .increment();
    }

    public boolean isConnected() {
        return connected.get() == 1;
    }

    @Override
    public Health health() {
        Health.Builder health = isConnected() ? Health.up() : Health.down();
        health.withDetail("platform", platform.id()).withDetail("since", since.get().toString());
        if (failuresInARow.get() > 0) {
            health.withDetail("failedAttempts", failuresInARow.get());
        }
        String problem = lastProblem.get();
        if (problem != null) {
            health.withDetail("lastProblem", problem);
        }
        return health.build();
    }
}
