package io.warroom.handoff.internal;

import io.warroom.chat.ChatLocales;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.handoff.HandoffOpened;
import io.warroom.schedule.Tasks;
import io.warroom.shared.PublicIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Opening a handoff: the record for a handover (once, whoever asks first), its pre-filled form, the form
 * sent to the outgoing engineer on each platform with a notice to both engineers, and the reminders if it
 * is not acknowledged in time. Everything joins the caller's transaction.
 */
@Service
class HandoffService {

    static final String REMIND = "handoff.remind";

    private final HandoffRepository repository;
    private final Handovers handovers;
    private final HandoffPrefill prefill;
    private final HandoffForm forms;
    private final HandoffCard cards;
    private final Directory directory;
    private final Outbox outbox;
    private final Tasks tasks;
    private final ChatLocales locales;
    private final Texts texts;
    private final ChatTimes times;
    private final HandoffProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandoffService(HandoffRepository repository, Handovers handovers, HandoffPrefill prefill, HandoffForm forms,
                   HandoffCard cards, Directory directory, Outbox outbox, Tasks tasks, ChatLocales locales, Texts texts,
                   ChatTimes times, HandoffProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.handovers = handovers;
        this.prefill = prefill;
        this.forms = forms;
        this.cards = cards;
        this.directory = directory;
        this.outbox = outbox;
        this.tasks = tasks;
        this.locales = locales;
        this.texts = texts;
        this.times = times;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The handoff of {@code h}, created now if it has none (with its reminders scheduled). */
    Handoff ensure(Handover h) {
        Instant now = clock.instant();
        if (repository.insert(PublicIds.next(), h, handovers.shiftStart(h), now)) {
            Handoff created = repository.of(h).orElseThrow();
            Instant first = h.at().plus(properties.ackReminder());
            tasks.schedule(REMIND + ":" + created.publicId() + ":1", REMIND, first, Map.of("handoff", created.publicId(), "step", "1"));
            tasks.schedule(REMIND + ":" + created.publicId() + ":2", REMIND, first.plus(properties.escalateAfter()),
                    Map.of("handoff", created.publicId(), "step", "2"));
            return created;
        }
        return repository.of(h).orElseThrow();
    }

    /**
     * The form in {@code l}: pre-filled from the outgoing engineer's shift and the incoming one's next shift
     * until submitted, then with what was submitted.
     */
    OutboundMessage form(Handoff h, Locale l) {
        var shift = new HandoffPrefill.Window(h.shiftStart(), h.handoverAt());
        Handover handover = new Handover(h.handoverAt(), person(h.outgoing()), h.outgoingRole(), person(h.incoming()), h.incomingRole());
        var next = new HandoffPrefill.Window(h.handoverAt(), handovers.nextShiftEnd(handover));
        return forms.form(h, handover.outgoing(), handover.incoming(), prefill.gather(shift, next, l), l);
    }

    /** At the lead time: the form to the outgoing engineer in every on-call channel, and a notice to both. */
    void sendForms(Handoff h, String actor) {
        Person outgoing = person(h.outgoing());
        Person incoming = person(h.incoming());
        for (Conversation c : properties.conversations()) {
            Locale l = locales.of(c);
            String user = outgoing.userId(c.platform());
            if (user != null) {
                outbox.enqueue(Delivery.openForm(c, user, null, form(h, l)));
            }
            outbox.enqueue(Delivery.post(c, null, OutboundMessage.builder().tone(OutboundMessage.Tone.INFO)
                    .mention(outgoing.mention()).mention(incoming.mention())
                    .text(texts.get(l, "handoff.notice", outgoing.name(), incoming.name(), times.format(h.handoverAt())))
                    .build(), Priority.NORMAL));
        }
        opened(h, actor);
    }

    void opened(Handoff h, String actor) {
        events.publishEvent(new HandoffOpened(h.stream(), clock.instant(), actor, h.publicId(), h.handoverAt(), h.outgoing(),
                h.incoming()));
    }

    /** Posts the card (first submission) or updates it (edits, acknowledgement) in every on-call channel. */
    void publishCard(Handoff h, boolean first) {
        Person outgoing = person(h.outgoing());
        Person incoming = person(h.incoming());
        Person acknowledgedBy = h.acknowledgedBy() == null ? null : person(h.acknowledgedBy());
        for (Conversation c : properties.conversations()) {
            OutboundMessage card = cards.card(h, outgoing, incoming, acknowledgedBy, locales.of(c));
            outbox.enqueue(first ? Delivery.post(c, h.cardKey(), card, Priority.NORMAL)
                    : Delivery.update(c, h.cardKey(), card, Priority.NORMAL));
        }
    }

    /** A message in the handoff's thread on every platform (or in the channel while there is no card yet). */
    void tell(Handoff h, java.util.function.Function<Locale, OutboundMessage> message) {
        for (Conversation c : properties.conversations()) {
            OutboundMessage m = message.apply(locales.of(c));
            outbox.enqueue(h.state() == Handoff.State.OPEN ? Delivery.post(c, null, m, Priority.NORMAL)
                    : Delivery.replyTo(c, h.cardKey(), null, m, Priority.NORMAL));
        }
    }

    Person person(String id) {
        return directory.person(id).orElseThrow(() -> new IllegalStateException("handoff names unknown person " + id));
    }
}
