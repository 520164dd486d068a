package io.warroom.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times and durations as people read them in chat: always with the date and an unambiguous offset
 * ({@code 2026-11-30 23:26 (UTC+8)}), never a zone abbreviation such as CST that means three places.
 */
@Component
public class ChatTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final Texts texts;

    public ChatTimes(@Value("${warroom.timezone:UTC}") String zone, Texts texts) {
        this.zone = ZoneId.of(zone);
        this.texts = texts;
    }

    /** The team's time zone (the roster's unless configured otherwise). */
    public ZoneId zone() {
        return zone;
    }

    /** {@code 2026-11-30 23:26 (UTC+8)} in the team's zone. */
    public String format(Instant at) {
        var local = at.atZone(zone);
        return DATE_TIME.format(local) + " (" + utcOffset(local.getOffset()) + ")";
    }

    /** {@code UTC+8}, {@code UTC+5:30}, {@code UTC-3}, {@code UTC}. */
    static String utcOffset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds > 0 ? "+" : "-";
        return "UTC" + sign + (minutes / 60) + (minutes % 60 == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes % 60));
    }

    /** A duration in the reader's language, to the minute (seconds below one minute): {@code 1 h 5 min}, {@code 1小时5分钟}. */
    public String duration(Duration d, Locale locale) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return texts.get(locale, "time.seconds", seconds);
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(texts.get(locale, "time.days", days));
        }
        if (hours > 0) {
            sb.append(sb.length() == 0 ? "" : texts.get(locale, "time.separator")).append(texts.get(locale, "time.hours", hours));
        }
        if (minutes > 0 && days == 0) {
            sb.append(sb.length() == 0 ? "" : texts.get(locale, "time.separator")).append(texts.get(locale, "time.minutes", minutes));
        }
        return sb.toString();
    }
}
