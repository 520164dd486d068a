package io.warroom.directory.internal;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Days and hours a rotation is on duty; a window may run past midnight into the next day. */
record DutyWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    static DutyWindow parse(String days, LocalTime from, LocalTime to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a duty window needs 'from' and 'to'");
        }
        return new DutyWindow(parseDays(days), from, to);
    }

    boolean contains(LocalDateTime t) {
        LocalTime time = t.toLocalTime();
        DayOfWeek day = t.getDayOfWeek();
        if (from.equals(to)) {
            return days.contains(day);
        }
        if (from.isBefore(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
    }

    static Set<DayOfWeek> parseDays(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("ALL")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String[] range = part.trim().split("-");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length > 1 ? day(range[1]) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                result.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return result;
    }

    private static DayOfWeek day(String s) {
        String key = s.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(key) && key.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day '" + s.trim() + "' (use MON, TUE, ... SUN)");
    }
}
