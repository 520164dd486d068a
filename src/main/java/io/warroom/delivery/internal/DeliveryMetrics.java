package io.warroom.delivery.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.warroom.chat.Platform;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Queue depth, sent, retried, failed, and the delay from enqueue to delivery. */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final AtomicLong depth = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("warroom.delivery.queue.depth", depth, AtomicLong::get)
                .description("Outbound chat operations waiting or being sent").register(registry);
    }

    void depth(long value) {
        depth.set(value);
    }

    void sent(Platform platform, Duration delay) {
        counter("warroom.delivery.sent", platform).increment();
        Timer.builder("warroom.delivery.delay").description("Time from enqueue to delivery")
                .tag("platform", platform.id()).publishPercentileHistogram().register(registry).record(delay);
    }

    void retried(Platform platform, String reason) {
        Counter.builder("warroom.delivery.retried").tag("platform", platform.id()).tag("reason", reason)
                .register(registry).increment();
    }

    void failed(Platform platform) {
        counter("warroom.delivery.failed", platform).increment();
    }

    private Counter counter(String name, Platform platform) {
        return Counter.builder(name).tag("platform", platform.id()).register(registry);
    }
}
