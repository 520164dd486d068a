package io.warroom.shared;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them in files and chat: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d},
 * or ISO-8601 ({@code PT15M}, {@code P1D}).
 */
public final class Durations {

    private static final Pattern PARTS = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = PARTS.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        Duration d = Duration.ZERO;
        long[] unit = {86_400, 3_600, 60, 1};
        for (int i = 0; i < 4; i++) {
            if (m.group(i + 1) != null) {
                d = d.plusSeconds(Long.parseLong(m.group(i + 1)) * unit[i]);
            }
        }
        return Optional.of(d);
    }

    /** Like {@link #parse} but throws {@link IllegalArgumentException} naming {@code what}. */
    public static Duration require(String text, String what) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                what + " '" + text + "' is not a duration (write 30s, 5m, 1h30m, 2d or PT15M)"));
    }

    /** The shortest of {@code 2d}, {@code 1h30m}, {@code 45s}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long[] unit = {86_400, 3_600, 60, 1};
        String[] name = {"d", "h", "m", "s"};
        for (int i = 0; i < 4; i++) {
            if (s >= unit[i]) {
                sb.append(s / unit[i]).append(name[i]);
                s %= unit[i];
            }
        }
        return sb.toString();
    }
}
