package io.warroom.handoff.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import io.warroom.directory.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code handoff}: the form of your coming (or not yet acknowledged) handover; {@code handoff history [n]}:
 * the last handoffs and their state; {@code handoff export <id>}: one handoff in the runbook's Markdown.
 */
@Component
class HandoffCommand implements ChatCommand {

    /** A handover this long ago whose handoff is still unacknowledged is still the one to fill in. */
    static final Duration LATE = Duration.ofHours(6);
    static final int MAX_HISTORY = 50;

    private final Handovers handovers;
    private final HandoffService handoffs;
    private final HandoffRepository repository;
    private final HandoffAccess access;
    private final HandoffMarkdown markdown;
    private final HandoffProperties properties;
    private final ChatTimes times;
    private final Texts texts;
    private final Clock clock;

    HandoffCommand(Handovers handovers, HandoffService handoffs, HandoffRepository repository, HandoffAccess access,
                   HandoffMarkdown markdown, HandoffProperties properties, ChatTimes times, Texts texts, Clock clock) {
        this.handovers = handovers;
        this.handoffs = handoffs;
        this.repository = repository;
        this.access = access;
        this.markdown = markdown;
        this.properties = properties;
        this.times = times;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "handoff";
    }

    @Override
    public String usage() {
        return "[history [n] | export <id>]";
    }

    @Override
    public String descriptionKey() {
        return "handoff.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (ctx.args().isEmpty()) {
            return form(ctx);
        }
        return switch (ctx.args().get(0).toLowerCase(Locale.ROOT)) {
            case "history" -> history(ctx);
            case "export" -> export(ctx);
            default -> throw new UsageException("handoff.usage");
        };
    }

    private CommandReply form(CommandContext ctx) {
        Locale l = ctx.locale();
        Instant now = clock.instant();
        Person me = ctx.person();
        Optional<Handoff> mine = repository.unacknowledged(now.minus(LATE), now.plus(properties.horizon())).stream()
                .filter(h -> h.outgoing().equals(me.id()) && h.state() == Handoff.State.OPEN).findFirst();
        Handoff h = mine.orElse(null);
        if (h == null) {
            List<Handover> ahead = handovers.between(now, now.plus(properties.horizon()));
            Handover next = ahead.stream().filter(x -> x.outgoing().id().equals(me.id())).findFirst()
                    .orElse(ahead.isEmpty() ? null : ahead.get(0));
            if (next == null) {
                throw new UsageException("handoff.none-ahead", properties.horizon().toHours());
            }
            String refusal = access.refusal(me, next.outgoing(), "handoff.submit", ctx.command().conversation(), null, l);
            if (refusal != null) {
                return error(texts.get(l, "handoff.not-your-handover", times.format(next.at()), next.outgoing().name(),
                        next.incoming().name()) + " " + refusal);
            }
            h = handoffs.ensure(next);
            if (h.state() != Handoff.State.OPEN) {
                return error(texts.get(l, "handoff.already-submitted", times.format(h.handoverAt())));
            }
        }
        handoffs.opened(h, me.id());
        return CommandReply.ephemeral(handoffs.form(h, l));
    }

    private CommandReply history(CommandContext ctx) {
        int n = 10;
        if (ctx.args().size() > 2) {
            throw new UsageException("handoff.usage");
        }
        if (ctx.args().size() == 2) {
            n = ctx.args().get(1).matches("\\d{1,3}") ? Integer.parseInt(ctx.args().get(1)) : 0;
            if (n < 1 || n > MAX_HISTORY) {
                throw new UsageException("handoff.history.count", ctx.args().get(1), MAX_HISTORY);
            }
        }
        Locale l = ctx.locale();
        var m = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO).header(texts.get(l, "handoff.history.header"));
        List<Handoff> latest = repository.latest(n);
        if (latest.isEmpty()) {
            m.text(texts.get(l, "handoff.history.none"));
        }
        for (Handoff h : latest) {
            String state = switch (h.state()) {
                case OPEN -> texts.get(l, "handoff.state.open");
                case SUBMITTED -> texts.get(l, "handoff.state.submitted", times.format(h.submittedAt()));
                case ACKNOWLEDGED -> texts.get(l, "handoff.state.acknowledged", handoffs.person(h.acknowledgedBy()).name(),
                        times.format(h.acknowledgedAt()));
            };
            m.field(texts.get(l, "handoff.history.item", times.format(h.handoverAt()), handoffs.person(h.outgoing()).name(),
                    handoffs.person(h.incoming()).name()), state + " · " + h.publicId());
        }
        return CommandReply.inChannel(m.build());
    }

    private CommandReply export(CommandContext ctx) {
        if (ctx.args().size() != 2) {
            throw new UsageException("handoff.usage");
        }
        Handoff h = repository.find(ctx.args().get(1)).orElseThrow(() -> new UsageException("handoff.unknown", ctx.args().get(1)));
        String md = markdown.export(h, handoffs.person(h.outgoing()), handoffs.person(h.incoming()),
                h.acknowledgedBy() == null ? null : handoffs.person(h.acknowledgedBy()));
        return CommandReply.inChannel(OutboundMessage.builder().header(texts.get(ctx.locale(), "handoff.export.header", h.publicId()))
                .code(md).build());
    }

    private static CommandReply error(String text) {
        return CommandReply.ephemeral(OutboundMessage.builder().tone(OutboundMessage.Tone.DANGER).text(text).build());
    }
}
