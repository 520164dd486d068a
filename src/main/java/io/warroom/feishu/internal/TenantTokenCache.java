package io.warroom.feishu.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The cached {@code tenant_access_token}. Renewed {@code margin} before it expires (half-way through its life
 * if that is shorter); one renewal at a time
 * (callers arriving meanwhile wait for it and share its result); a token the API rejected is dropped only
 * if it is still the current one, so a burst of rejections causes one renewal, not one each.
 */
class TenantTokenCache {

    /** A token and when it stops working. */
    record IssuedToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    private final Supplier<IssuedToken> issuer;
    private final Duration margin;
    private final Clock clock;
    private final Object renewal = new Object();
    private volatile Cached current;

    /** The token and when to renew it. */
    private record Cached(String value, Instant renewAt) {
    }

    TenantTokenCache(Supplier<IssuedToken> issuer, Duration margin, Clock clock) {
        this.issuer = issuer;
        this.margin = margin;
        this.clock = clock;
    }

    String get() {
        Cached t = current;
        if (fresh(t)) {
            return t.value();
        }
        synchronized (renewal) {
            t = current;
            if (!fresh(t)) {
                t = cache(issuer.get());
                current = t;
            }
            return t.value();
        }
    }

    /** The API said {@code rejected} is not valid (expired early, revoked): renew on next use. */
    void invalidate(String rejected) {
        synchronized (renewal) {
            Cached t = current;
            if (t != null && t.value().equals(rejected)) {
                current = null;
            }
        }
    }

    /** Renews {@code margin} early, or half-way through a token issued for less than twice the margin. */
    private Cached cache(IssuedToken issued) {
        Duration life = Duration.between(clock.instant(), issued.expiresAt());
        life = life.isNegative() ? Duration.ZERO : life;
        Duration early = life.dividedBy(2).compareTo(margin) < 0 ? life.dividedBy(2) : margin;
        return new Cached(issued.value(), issued.expiresAt().minus(early));
    }

    private boolean fresh(Cached t) {
        return t != null && clock.instant().isBefore(t.renewAt());
    }
}
