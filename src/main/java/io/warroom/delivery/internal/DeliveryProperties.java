package io.warroom.delivery.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outbox tuning. {@code paused} keeps the dispatcher from starting (operations queue up; tests drain by
 * hand). {@code routineEditInterval}: routine edits of one message (an alert card during a storm) go out at
 * most this often; the queued edit keeps absorbing newer content meanwhile, so the latest state wins. Limits are per platform id (console, slack, feishu): {@code per-channel} applies to
 * each channel, group or DM; {@code per-app} to everything the bot sends on that platform.
 */
@Validated
@ConfigurationProperties("warroom.delivery")
public record DeliveryProperties(
        @NotNull Duration pollInterval,
        @Min(1) int batchSize,
        @NotNull Duration lease,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration giveUpAfter,
        @NotNull Duration keepSent,
        boolean paused,
        @Valid Map<String, PlatformLimits> limits,
        Duration routineEditInterval) {

    public record Rate(@DecimalMin("0.001") double perSecond, @Min(1) int burst) {
        public long intervalMicros() {
            return Math.max(1, Math.round(1_000_000d / perSecond));
        }
    }

    public record PlatformLimits(@Valid @NotNull Rate perChannel, @Valid @NotNull Rate perApp) {
    }

    public DeliveryProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        batchSize = batchSize == 0 ? 100 : batchSize;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
        keepSent = keepSent == null ? Duration.ofDays(7) : keepSent;
        routineEditInterval = routineEditInterval == null ? Duration.ofSeconds(3) : routineEditInterval;
        Map<String, PlatformLimits> merged = new HashMap<>(defaultLimits());
        if (limits != null) {
            merged.putAll(limits);
        }
        limits = Map.copyOf(merged);
    }

    /** Documented platform limits: Slack ~1 msg/s per channel; Feishu 5 QPS per chat, 50/s and 1000/min per app. */
    static Map<String, PlatformLimits> defaultLimits() {
        return Map.of(
                "slack", new PlatformLimits(new Rate(1, 3), new Rate(20, 20)),
                "feishu", new PlatformLimits(new Rate(5, 5), new Rate(16, 50)),
                "console", new PlatformLimits(new Rate(50, 50), new Rate(500, 500)));
    }

    public PlatformLimits limitsFor(String platformId) {
        PlatformLimits l = limits.get(platformId);
        if (l == null) {
            throw new IllegalStateException("No delivery limits configured for platform " + platformId);
        }
        return l;
    }
}
