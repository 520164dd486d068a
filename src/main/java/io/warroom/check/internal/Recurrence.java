package io.warroom.check.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * When something recurs, in the roster's zone: a cron expression ({@code 0 9,14,20 * * *}: minute, hour,
 * day of month, month, day of week; a sixth leading field for seconds is accepted), or every fixed period
 * from a start ({@code every: P90D, start: 2026-01-01T10:00}).
 */
final class Recurrence {

    /** Widening windows, so a frequent schedule is not walked slot by slot over days. */
    private static final Duration[] LOOKBACK = {Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(2),
            Duration.ofDays(40), Duration.ofDays(400)};

    private final CronExpression cron;
    private final LocalDateTime start;
    private final Duration every;
    private final ZoneId zone;
    private final String text;

    private Recurrence(CronExpression cron, LocalDateTime start, Duration every, ZoneId zone, String text) {
        this.cron = cron;
        this.start = start;
        this.every = every;
        this.zone = zone;
        this.text = text;
    }

    static Recurrence cron(String expression, ZoneId zone) {
        String e = expression == null ? "" : expression.strip();
        String six = e.split("\\s+").length == 5 ? "0 " + e : e;
        try {
            return new Recurrence(CronExpression.parse(six), null, null, zone, e);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("schedule '" + e + "' is not a cron expression (minute hour day month weekday, "
                    + "e.g. \"0 9,14,20 * * *\"): " + ex.getMessage());
        }
    }

    static Recurrence every(Duration period, LocalDateTime start, ZoneId zone) {
        if (period == null || period.compareTo(Duration.ofMinutes(1)) < 0 || start == null) {
            throw new IllegalArgumentException("'every' needs a period of at least a minute (e.g. P90D) and a 'start'");
        }
        return new Recurrence(null, start, period, zone, "every " + period + " from " + start);
    }

    /** The first slot strictly after {@code t}. */
    Instant next(Instant t) {
        if (cron != null) {
            ZonedDateTime next = cron.next(t.atZone(zone));
            if (next == null) {
                throw new IllegalStateException("schedule '" + text + "' has no time after " + t);
            }
            return next.toInstant();
        }
        Instant first = start.atZone(zone).toInstant();
        if (t.isBefore(first)) {
            return first;
        }
        long periods = Duration.between(first, t).toMillis() / every.toMillis() + 1;
        return first.plus(every.multipliedBy(periods));
    }

    /** Whether {@code t} is one of the slots (a task planned under an older schedule may not be). */
    boolean isSlot(Instant t) {
        return next(t.minusMillis(1)).equals(t);
    }

    /** The latest slot at or before {@code t}, or null when there is none in the last 400 days. */
    Instant latestAtOrBefore(Instant t) {
        for (Duration back : LOOKBACK) {
            Instant latest = null;
            for (Instant s = next(t.minus(back)); !s.isAfter(t); s = next(s)) {
                latest = s;
            }
            if (latest != null) {
                return latest;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
