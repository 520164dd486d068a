package io.warroom.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limits shared by all replicas through the database, as a generic cell rate algorithm: each bucket
 * stores one "theoretical arrival time"; a send is allowed when that time, less the burst allowance, has
 * come. Updates are compare-and-set, so two replicas can never both spend the same slot.
 */
@Component
class RateLimiter {

    private static final int CAS_ATTEMPTS = 8;

    private final JdbcClient jdbc;

    RateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one slot, or returns how long to wait before one is free (taking nothing). */
    Duration tryAcquire(String bucket, DeliveryProperties.Rate rate, Instant now) {
        long nowMicros = micros(now);
        long interval = rate.intervalMicros();
        for (int i = 0; i < CAS_ATTEMPTS; i++) {
            long tat = currentTat(bucket, nowMicros);
            long newTat = Math.max(tat, nowMicros) + interval;
            long allowedAt = newTat - (long) rate.burst() * interval;
            if (allowedAt > nowMicros) {
                return Duration.of(allowedAt - nowMicros, ChronoUnit.MICROS);
            }
            if (compareAndSet(bucket, tat, newTat)) {
                return Duration.ZERO;
            }
        }
        // Heavy contention on one bucket: back off briefly rather than spin.
        return Duration.ofMillis(50);
    }

    /** The platform told us to wait (429): nobody sends into this bucket before {@code until}. */
    void holdUntil(String bucket, Instant until) {
        long untilMicros = micros(until);
        for (int i = 0; i < CAS_ATTEMPTS; i++) {
            long tat = currentTat(bucket, untilMicros);
            if (tat >= untilMicros || compareAndSet(bucket, tat, untilMicros)) {
                return;
            }
        }
    }

    /** Buckets idle since {@code cutoff} (one per alert card, say) hold nothing a new row would not. */
    void forgetIdleBefore(Instant cutoff) {
        jdbc.sql("delete from rate_bucket where tat_micros < ?").param(micros(cutoff)).update();
    }

    private long currentTat(String bucket, long initial) {
        jdbc.sql("insert into rate_bucket (bucket_key, tat_micros) values (?, ?) on conflict do nothing")
                .params(bucket, initial).update();
        return jdbc.sql("select tat_micros from rate_bucket where bucket_key = ?")
                .param(bucket).query(Long.class).single();
    }

    private boolean compareAndSet(String bucket, long expected, long value) {
        return jdbc.sql("update rate_bucket set tat_micros = ? where bucket_key = ? and tat_micros = ?")
                .params(value, bucket, expected).update() == 1;
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
