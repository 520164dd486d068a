package io.warroom.handoff.internal;

import io.warroom.command.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as people type them in chat, in the roster's zone: {@code now}, {@code 2026-12-01T09:00},
 * {@code 2026-12-01 09:00}, {@code today 18:00}, {@code tomorrow 09:00}; an end may also be relative to
 * the start ({@code +4h}, {@code +30m}, {@code +2d}). Dates alone: {@code 2026-12-01}, {@code today},
 * {@code tomorrow}.
 */
final class When {

    /** A parsed time and how many words it took. */
    record Parsed(Instant at, int words) {
    }

    private static final Pattern RELATIVE = Pattern.compile("\\+(\\d{1,4})([mhd])");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{1,2}:\\d{2})");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");

    private final ZoneId zone;
    private final Instant now;

    When(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    /** A start or end at {@code words[i]} (and possibly the next word); {@code after} is the start, for "+4h". */
    Parsed time(List<String> words, int i, Instant after) {
        if (i >= words.size()) {
            throw new UsageException("oncall.missing-time");
        }
        String w = words.get(i).toLowerCase(Locale.ROOT);
        if (w.equals("now")) {
            return new Parsed(now, 1);
        }
        Matcher relative = RELATIVE.matcher(w);
        if (relative.matches() && after != null) {
            long n = Long.parseLong(relative.group(1));
            Duration d = switch (relative.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Parsed(after.plus(d), 1);
        }
        Matcher joined = DATE_TIME.matcher(w);
        if (joined.matches()) {
            return new Parsed(at(date(joined.group(1), w), time(joined.group(2), w)), 1);
        }
        if (i + 1 < words.size() && TIME.matcher(words.get(i + 1)).matches()) {
            return new Parsed(at(date(w, w), time(words.get(i + 1), words.get(i + 1))), 2);
        }
        throw new UsageException("oncall.bad-time", words.get(i));
    }

    /** A calendar day in the roster's zone. */
    LocalDate date(String word) {
        return date(word.toLowerCase(Locale.ROOT), word);
    }

    private LocalDate date(String w, String original) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (w) {
            case "today" -> today;
            case "tomorrow" -> today.plusDays(1);
            default -> {
                try {
                    yield LocalDate.parse(w);
                } catch (DateTimeParseException e) {
                    throw new UsageException("oncall.bad-date", original);
                }
            }
        };
    }

    private static LocalTime time(String s, String original) {
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw new UsageException("oncall.bad-time", original);
        }
    }

    private Instant at(LocalDate date, LocalTime time) {
        return LocalDateTime.of(date, time).atZone(zone).toInstant();
    }
}
