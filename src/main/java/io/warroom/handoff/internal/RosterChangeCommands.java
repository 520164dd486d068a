package io.warroom.handoff.internal;

import io.warroom.approval.AccessDecision;
import io.warroom.approval.AccessQuery;
import io.warroom.approval.Approvals;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.directory.RosterChange;
import io.warroom.directory.RosterChangeException;
import io.warroom.directory.RosterChanges;
import io.warroom.directory.Shift;
import io.warroom.handoff.OnCallChangeRefused;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code oncall override|swap|cancel}: checks the policy (risk {@code manage}), makes the change, and tells
 * everyone who gains or loses a shift — in the conversation where it was asked and in the on-call
 * channel of every other platform.
 */
@Component
class RosterChangeCommands {

    private final Directory directory;
    private final RosterChanges changes;
    private final Approvals approvals;
    private final Outbox outbox;
    private final ShiftTexts shifts;
    private final Texts texts;
    private final ChatLocales locales;
    private final HandoffProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RosterChangeCommands(Directory directory, RosterChanges changes, Approvals approvals, Outbox outbox, ShiftTexts shifts,
                         Texts texts, ChatLocales locales, HandoffProperties properties, ApplicationEventPublisher events,
                         Clock clock) {
        this.directory = directory;
        this.changes = changes;
        this.approvals = approvals;
        this.outbox = outbox;
        this.shifts = shifts;
        this.texts = texts;
        this.locales = locales;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** {@code override @person <role> <from> <to> [reason]} */
    CommandReply override(CommandContext ctx) {
        List<String> a = ctx.args();
        if (a.size() < 5) {
            throw new UsageException("oncall.override.usage");
        }
        Person person = person(a.get(1));
        String role = a.get(2);
        When when = new When(directory.zone(), clock.instant());
        When.Parsed from = when.time(a, 3, null);
        When.Parsed to = when.time(a, 3 + from.words(), from.at());
        String reason = String.join(" ", a.subList(3 + from.words() + to.words(), a.size())).strip();
        if (reason.length() > 500) {
            throw new UsageException("oncall.reason.too-long", 500);
        }
        return change(ctx, "oncall.override", () -> changes.override(role, person, from.at(), to.at(), reason, ctx.person()));
    }

    /** {@code swap @person <date> [<their date>]}: the requester's shifts that day for theirs. */
    CommandReply swap(CommandContext ctx) {
        List<String> a = ctx.args();
        if (a.size() < 3 || a.size() > 4) {
            throw new UsageException("oncall.swap.usage");
        }
        Person other = person(a.get(1));
        When when = new When(directory.zone(), clock.instant());
        LocalDate mine = when.date(a.get(2));
        LocalDate theirs = a.size() == 4 ? when.date(a.get(3)) : mine;
        return change(ctx, "oncall.swap", () -> changes.swap(ctx.person(), mine, other, theirs, ctx.person()));
    }

    /** {@code cancel <id>} */
    CommandReply cancel(CommandContext ctx) {
        if (ctx.args().size() != 2) {
            throw new UsageException("oncall.cancel.usage");
        }
        return change(ctx, "oncall.cancel", () -> changes.cancel(ctx.args().get(1), ctx.person()));
    }

    private Person person(String reference) {
        return directory.find(reference).orElseThrow(() -> new UsageException("oncall.unknown-person", reference));
    }

    private CommandReply change(CommandContext ctx, String action, java.util.function.Supplier<RosterChange> make) {
        Locale l = ctx.locale();
        Conversation where = ctx.command().conversation();
        AccessDecision decision = approvals.check(new AccessQuery(ctx.person(), where, action, "manage", null, null));
        if (!decision.allowed()) {
            events.publishEvent(new OnCallChangeRefused("roster", clock.instant(), ctx.person().id(), action, decision.reason()));
            return error(texts.get(l, "oncall.change.refused", decision.reason()));
        }
        RosterChange change;
        try {
            change = make.get();
        } catch (RosterChangeException e) {
            return error(texts.get(l, e.messageKey(), e.args()));
        }
        for (Conversation home : properties.conversations()) {
            if (!home.equals(where.channelOnly())) {
                outbox.enqueue(Delivery.post(home, null, notice(change, ctx.person(), locales.of(home)), Priority.NORMAL));
            }
        }
        return CommandReply.inChannel(notice(change, ctx.person(), l));
    }

    /** The message everyone sees: what changed, who gains, who loses, each of them mentioned. */
    OutboundMessage notice(RosterChange change, Person by, Locale l) {
        String kind = change.kind().name().toLowerCase(Locale.ROOT);
        var m = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO)
                .header(texts.get(l, "oncall.change.header." + kind, change.id()))
                .text(texts.get(l, "oncall.change.by", by.name()));
        change.affected().forEach(p -> m.mention(p.mention()));
        m.field(texts.get(l, "oncall.change.gains"), lines(change.given(), l));
        m.field(texts.get(l, "oncall.change.loses"), lines(change.taken(), l));
        if (change.reason() != null) {
            m.field(texts.get(l, "oncall.change.reason.label"), change.reason());
        }
        return m.build();
    }

    private String lines(List<Shift> list, Locale l) {
        return list.isEmpty() ? "—" : String.join("\n", list.stream().map(s -> shifts.full(s, l)).toList());
    }

    private static CommandReply error(String text) {
        return CommandReply.ephemeral(OutboundMessage.builder().tone(OutboundMessage.Tone.DANGER).text(text).build());
    }
}
