package io.warroom.check.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.directory.Person;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The card of a due reminder: what, when, whose, and a "done" button; once done, who did it and when. */
@Component
class ReminderCards {

    static final String DONE = "check.done";

    private final Texts texts;
    private final ChatTimes times;

    ReminderCards(Texts texts, ChatTimes times) {
        this.texts = texts;
        this.times = times;
    }

    static String key(String occurrence) {
        return "reminder:" + occurrence;
    }

    OutboundMessage due(Reminder r, String occurrence, Instant slot, List<Person> who, Locale l) {
        var m = base(r, slot, l).tone(OutboundMessage.Tone.INFO);
        if (!who.isEmpty()) {
            m.field(texts.get(l, "check.reminder.who"), String.join(", ", who.stream().map(Person::name).toList()));
            who.forEach(p -> m.mention(p.mention()));
        }
        return m.button(DONE, texts.get(l, "check.reminder.done"), occurrence, OutboundMessage.Style.PRIMARY).build();
    }

    OutboundMessage done(Reminder r, Instant slot, Person by, Instant at, Locale l) {
        return base(r, slot, l).tone(OutboundMessage.Tone.SUCCESS)
                .field(texts.get(l, "check.reminder.done-by"), texts.get(l, "check.reminder.done-by.value", by.name(), times.format(at)))
                .build();
    }

    private OutboundMessage.Builder base(Reminder r, Instant slot, Locale l) {
        var m = OutboundMessage.builder().header(texts.get(l, "check.reminder.header", r.names().in(l)));
        if (r.details() != null) {
            m.text(r.details().in(l));
        }
        m.field(texts.get(l, "check.reminder.due"), times.format(slot));
        if (r.runbook() != null) {
            m.field(texts.get(l, "check.reminder.runbook"), r.runbook());
        }
        return m;
    }
}
