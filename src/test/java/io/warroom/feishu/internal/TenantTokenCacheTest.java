package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Early renewal, one renewal at a time, and dropping a rejected token once. */
class TenantTokenCacheTest {

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-22T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger issued = new AtomicInteger();

    private TenantTokenCache cache(Duration lifetime, Duration slowness) {
        return new TenantTokenCache(() -> {
            try {
                Thread.sleep(slowness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TenantTokenCache.IssuedToken("t-" + issued.incrementAndGet(), clock.instant().plus(lifetime));
        }, Duration.ofMinutes(3), clock);
    }

    @Test
    void renewsThreeMinutesBeforeExpiry() {
        var tokens = cache(Duration.ofHours(2), Duration.ZERO);
        assertThat(tokens.get()).isEqualTo("t-1");
        clock.advance(Duration.ofMinutes(116));
        assertThat(tokens.get()).isEqualTo("t-1");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(tokens.get()).isEqualTo("t-2");
    }

    @Test
    void aShortLivedTokenIsRenewedHalfWayThrough() {
        var tokens = cache(Duration.ofMinutes(4), Duration.ZERO);
        assertThat(tokens.get()).isEqualTo("t-1");
        clock.advance(Duration.ofSeconds(119));
        assertThat(tokens.get()).isEqualTo("t-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.get()).isEqualTo("t-2");
    }

    @Test
    void concurrentCallersShareOneRenewal() throws Exception {
        var tokens = cache(Duration.ofHours(2), Duration.ofMillis(200));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return tokens.get();
                }));
            }
            start.countDown();
            for (Future<String> f : got) {
                assertThat(f.get()).isEqualTo("t-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issued).hasValue(1);
    }

    @Test
    void onlyTheCurrentTokenIsDroppedWhenRejected() {
        var tokens = cache(Duration.ofHours(2), Duration.ZERO);
        String first = tokens.get();
        tokens.invalidate(first);
        String second = tokens.get();
        assertThat(second).isEqualTo("t-2");
        tokens.invalidate(first); // a late report about the old token changes nothing
        assertThat(tokens.get()).isEqualTo("t-2");
        assertThat(issued).hasValue(2);
    }
}
