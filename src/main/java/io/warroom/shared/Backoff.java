package io.warroom.shared;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for reconnecting to a platform: the n-th retry waits a random time between
 * half and all of {@code min(max, initial × 2ⁿ)}. The random half keeps replicas that lost their connections
 * together (a platform restart) from all coming back in the same instant; the fixed half keeps a broken
 * platform from being hammered.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            initial = Duration.ofSeconds(1);
        }
        if (max == null) {
            max = Duration.ofMinutes(2);
        }
        if (max.compareTo(initial) < 0) {
            max = initial;
        }
    }

    /** The wait before retry number {@code failures} (0 for the first retry). */
    public Duration delay(int failures, RandomGenerator random) {
        long ceiling = max.toMillis();
        long base = initial.toMillis();
        for (int i = 0; i < failures && base < ceiling; i++) {
            base *= 2;
        }
        base = Math.min(base, ceiling);
        long half = base / 2;
        return Duration.ofMillis(half + (base - half == 0 ? 0 : random.nextLong(base - half + 1)));
    }
}
