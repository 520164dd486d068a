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

    /**
     * {@code perMethod}: limits of single API methods whose tier is lower than the app's overall rate, by
     * operation ({@code update}, {@code ephemeral}, {@code open-form}, {@code create-group}, {@code invite},
     * {@code set-topic}, {@code pin}); when an override leaves it out, the platform's defaults stay.
     */
    public record PlatformLimits(@Valid @NotNull Rate perChannel, @Valid @NotNull Rate perApp,
                                 @Valid Map<String, Rate> perMethod) {
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
            limits.forEach((platform, l) -> {
                PlatformLimits base = merged.get(platform);
                Map<String, Rate> methods = new HashMap<>(base == null || base.perMethod() == null ? Map.of() : base.perMethod());
                if (l.perMethod() != null) {
                    methods.putAll(l.perMethod());
                }
                merged.put(platform, new PlatformLimits(l.perChannel(), l.perApp(), Map.copyOf(methods)));
            });
        }
        limits = Map.copyOf(merged);
    }

    /**
     * Documented platform limits: Slack ~1 msg/s per channel and its method tiers (chat.update and
     * conversations.invite Tier 3, 50+/min; chat.postEphemeral and views.open Tier 4, 100+/min;
     * conversations.create, setTopic and pins.add Tier 2, 20+/min), each kept about 10 % below the published
     * figure so timing jitter does not tip a burst over; Feishu 5 QPS per chat, 50/s and 1000/min per app.
     */
    static Map<String, PlatformLimits> defaultLimits() {
        return Map.of(
                "slack", new PlatformLimits(new Rate(0.8, 1), new Rate(20, 20), Map.of(
                        "update", new Rate(0.75, 5), "invite", new Rate(0.75, 5),
                        "ephemeral", new Rate(1.5, 10), "open-form", new Rate(1.5, 10),
                        "create-group", new Rate(0.3, 3), "set-topic", new Rate(0.3, 3), "pin", new Rate(0.3, 3))),
                "feishu", new PlatformLimits(new Rate(5, 5), new Rate(16, 50), Map.of()),
                "console", new PlatformLimits(new Rate(50, 50), new Rate(500, 500), Map.of()));
    }

    public PlatformLimits limitsFor(String platformId) {
        PlatformLimits l = limits.get(platformId);
        if (l == null) {
            throw new IllegalStateException("No delivery limits configured for platform " + platformId);
        }
        return l;
    }
}
