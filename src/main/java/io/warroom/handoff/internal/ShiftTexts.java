package io.warroom.handoff.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.Texts;
import io.warroom.directory.Shift;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Shifts as one line of chat: who, which role, from when to when, and what put them there. */
@Component
class ShiftTexts {

    private final ChatTimes times;
    private final Texts texts;

    ShiftTexts(ChatTimes times, Texts texts) {
        this.times = times;
        this.texts = texts;
    }

    /** {@code 王五 Wang Wu — oncall-primary, 2026-01-06 09:00 (UTC+8) → 2026-01-06 18:00 (UTC+8)}. */
    String full(Shift s, Locale l) {
        return texts.get(l, "oncall.shift", s.person().name(), s.role(), times.format(s.from()), times.format(s.to()));
    }

    /** {@code Tue 01-06 09:00 → 18:00 王五 Wang Wu (override #12)}, for a week's list. */
    String compact(Shift s, Locale l) {
        var day = DateTimeFormatter.ofPattern("EEE MM-dd HH:mm", l).withZone(times.zone());
        var hour = DateTimeFormatter.ofPattern("HH:mm", l).withZone(times.zone());
        boolean sameDay = s.from().atZone(times.zone()).toLocalDate().equals(s.to().atZone(times.zone()).toLocalDate());
        String line = day.format(s.from()) + " → " + (sameDay ? hour : day).format(s.to()) + "  " + s.person().name();
        return line + source(s, l);
    }

    /** {@code  (override #12)}, {@code  (swap #3)}, {@code  (override)} for the roster file's, or nothing. */
    String source(Shift s, Locale l) {
        if (!s.changed()) {
            return "";
        }
        String kind = texts.get(l, "oncall.source." + s.source());
        return s.changeId() == null ? " (" + kind + ")" : " (" + kind + " #" + s.changeId() + ")";
    }
}
