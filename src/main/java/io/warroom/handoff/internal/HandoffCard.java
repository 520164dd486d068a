package io.warroom.handoff.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.directory.Person;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The submitted handoff as posted in the on-call channels: the runbook's sections, whose move it is, and
 * the buttons (acknowledge, ask a question, edit) while it waits for the incoming engineer.
 */
@Component
class HandoffCard {

    static final String ACK = "handoff.ack";
    static final String ASK = "handoff.ask";
    static final String EDIT = "handoff.edit";

    private final Texts texts;
    private final ChatTimes times;

    HandoffCard(Texts texts, ChatTimes times) {
        this.texts = texts;
        this.times = times;
    }

    OutboundMessage card(Handoff h, Person outgoing, Person incoming, Person acknowledgedBy, Locale l) {
        boolean done = h.state() == Handoff.State.ACKNOWLEDGED;
        var v = h.values();
        var m = OutboundMessage.builder()
                .tone(done ? OutboundMessage.Tone.SUCCESS : OutboundMessage.Tone.INFO)
                .header(texts.get(l, "handoff.card.header", outgoing.name(), incoming.name()))
                .text(done ? texts.get(l, "handoff.card.acknowledged", acknowledgedBy.name(), times.format(h.acknowledgedAt()))
                        : texts.get(l, "handoff.card.waiting", incoming.name()))
                .field(texts.get(l, "handoff.field.time"), times.format(h.handoverAt()))
                .field(texts.get(l, "handoff.field.outgoing"), outgoing.name())
                .field(texts.get(l, "handoff.field.incoming"), incoming.name())
                .field(texts.get(l, "handoff.field.service-state"),
                        box(v.servicesOk()) + texts.get(l, "handoff.field.services-ok") + "\n"
                                + box(v.noAlerts()) + texts.get(l, "handoff.field.no-alerts") + "\n"
                                + box(v.noMajorEvent()) + texts.get(l, "handoff.field.no-major-event"))
                .field(texts.get(l, "handoff.field.open-items"), items(v.openItems(), l))
                .field(texts.get(l, "handoff.field.recent-changes"), items(v.recentChanges(), l));
        if (v.notes() != null) {
            m.field(texts.get(l, "handoff.field.notes"), v.notes());
        }
        if (h.edits() > 0) {
            m.field(texts.get(l, "handoff.card.edited"), texts.get(l, "handoff.card.edited.value", h.edits(), times.format(h.submittedAt())));
        }
        if (!done) {
            m.mention(incoming.mention());
            m.button(ACK, texts.get(l, "handoff.card.ack"), h.publicId(), OutboundMessage.Style.PRIMARY);
            m.button(EDIT, texts.get(l, "handoff.card.edit"), h.publicId(), OutboundMessage.Style.DEFAULT);
        }
        m.button(ASK, texts.get(l, "handoff.card.ask"), h.publicId(), OutboundMessage.Style.DEFAULT);
        return m.build();
    }

    /** The card's content in one line, for the timeline. */
    String summary(Handoff h) {
        var v = h.values();
        return "services ok " + v.servicesOk() + ", no abnormal alerts " + v.noAlerts() + ", no major event " + v.noMajorEvent()
                + "; open items: " + (v.openItems() == null ? "none" : v.openItems())
                + "; recent changes: " + (v.recentChanges() == null ? "none" : v.recentChanges())
                + (v.notes() == null ? "" : "; notes: " + v.notes());
    }

    private String items(String details, Locale l) {
        return details == null ? texts.get(l, "handoff.choice.none") : texts.get(l, "handoff.choice.some") + "\n" + details;
    }

    private static String box(boolean ticked) {
        return ticked ? "☑ " : "☐ ";
    }
}
