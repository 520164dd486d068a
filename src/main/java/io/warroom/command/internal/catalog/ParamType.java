package io.warroom.command.internal.catalog;

import io.warroom.shared.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parameter types of the catalog and how a typed value is checked and normalised. A value that fails
 * gets a message fit for chat; the caller adds the usage line.
 */
enum ParamType {
    NAME, NAMESPACE, INTEGER, DURATION, IMAGE, STRING, BOOLEAN, IP, ENUM, CONTAINER_IMAGE;

    static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    // registry/host[:port]/path:tag or @sha256:digest — the common shapes, nothing shell-like.
    private static final Pattern IMAGE_REF = Pattern.compile(
            "[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/([0-9]|[12]\\d|3[0-2]))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}(/(\\d|[1-9]\\d|1[01]\\d|12[0-8]))?");

    static ParamType parse(String s) {
        if (s == null) {
            return STRING;
        }
        try {
            return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown parameter type '" + s + "'");
        }
    }

    /** Checks {@code raw} and returns its canonical form. */
    String normalise(Param p, String raw) {
        return switch (this) {
            case NAME, NAMESPACE -> {
                if (raw.length() > 253 || !DNS_1123.matcher(raw).matches()) {
                    throw bad(p, raw, "name");
                }
                if (!p.allowed().isEmpty() && !p.allowed().contains(raw)) {
                    throw new ParamException("param.not-allowed", p.name(), raw, String.join(", ", p.allowed()));
                }
                yield raw;
            }
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    throw bad(p, raw, "number");
                }
                if ((p.min() != null && v < p.min()) || (p.max() != null && v > p.max())) {
                    throw new ParamException("param.range", p.name(), p.min(), p.max(), v);
                }
                yield Long.toString(v);
            }
            case DURATION -> {
                Duration d = Durations.parse(raw).orElseThrow(() -> bad(p, raw, "duration"));
                if (p.maxDuration() != null && d.compareTo(p.maxDuration()) > 0) {
                    throw new ParamException("param.duration-max", p.name(), Durations.format(p.maxDuration()), raw);
                }
                if (d.isZero()) {
                    throw new ParamException("param.duration-zero", p.name());
                }
                // What the action receives: as typed (5m, 1h30m), or 15m for ISO-8601's PT15M
                String lower = raw.toLowerCase(Locale.ROOT).strip();
                yield lower.startsWith("p") ? Durations.format(d) : lower;
            }
            case IMAGE -> {
                if (raw.length() > 255 || !IMAGE_REF.matcher(raw).matches()) {
                    throw bad(p, raw, "image");
                }
                yield raw;
            }
            case BOOLEAN -> switch (raw.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> "true";
                case "false", "no", "off" -> "false";
                default -> throw bad(p, raw, "boolean");
            };
            case IP -> {
                if (!IPV4.matcher(raw).matches() && !(raw.contains(":") && IPV6.matcher(raw).matches())) {
                    throw bad(p, raw, "ip");
                }
                yield raw;
            }
            case ENUM -> {
                if (!p.allowed().contains(raw)) {
                    throw new ParamException("param.enum", p.name(), String.join(", ", p.allowed()), raw);
                }
                yield raw;
            }
            case CONTAINER_IMAGE -> {
                int eq = raw.indexOf('=');
                if (eq <= 0) {
                    throw bad(p, raw, "container-image");
                }
                NAME.normalise(p.withoutAllowList(), raw.substring(0, eq));
                IMAGE.normalise(p, raw.substring(eq + 1));
                yield raw;
            }
            case STRING -> {
                int max = p.maxLength() == null ? 500 : p.maxLength();
                if (raw.length() > max) {
                    throw new ParamException("param.too-long", p.name(), max);
                }
                if (p.pattern() != null && !p.pattern().matcher(raw).matches()) {
                    throw bad(p, raw, "pattern", p.pattern().pattern());
                }
                if (raw.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                    throw new ParamException("param.control", p.name());
                }
                yield raw;
            }
        };
    }

    /** {@code expected} names the message that says what was expected ({@code param.invalid.<expected>}). */
    private static ParamException bad(Param p, String raw, String expected, String... detail) {
        String shown = raw.length() > 60 ? raw.substring(0, 57) + "..." : raw;
        return new ParamException("param.invalid." + expected, p.name(), shown, detail.length > 0 ? detail[0] : "");
    }
}
