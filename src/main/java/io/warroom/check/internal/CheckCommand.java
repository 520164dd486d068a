package io.warroom.check.internal;

import io.warroom.approval.AccessDecision;
import io.warroom.approval.AccessQuery;
import io.warroom.approval.Approvals;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.check.CheckActionRefused;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.Suggestions;
import io.warroom.command.UsageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code check [list|check]}: runs a list of checks (default {@code daily}) or a single check now; the
 * report follows in this conversation. Checks are reads: the {@code read} policy decides who may.
 */
@Component
class CheckCommand implements ChatCommand {

    static final String DEFAULT_LIST = "daily";

    private final CheckCatalog catalog;
    private final ManualCheckHandler manual;
    private final Approvals approvals;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckCommand(CheckCatalog catalog, ManualCheckHandler manual, Approvals approvals, Texts texts,
                 ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.manual = manual;
        this.approvals = approvals;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "[list|check]";
    }

    @Override
    public String descriptionKey() {
        return "check.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (ctx.args().size() > 1) {
            throw new UsageException("command.too-many-args", "check", "/warroom check " + usage());
        }
        Locale l = ctx.locale();
        String name = ctx.args().isEmpty() ? DEFAULT_LIST : ctx.args().get(0).toLowerCase(Locale.ROOT);
        CheckList list = catalog.list(name).orElse(null);
        Check only = null;
        if (list == null) {
            list = catalog.listOfCheck(name).orElseThrow(() -> unknown(name));
            only = list.checks().stream().filter(c -> c.id().equals(name)).findFirst().orElseThrow();
        }
        var where = ctx.command().conversation();
        AccessDecision d = approvals.check(new AccessQuery(ctx.person(), where, "check.run", "read", null, null));
        if (!d.allowed()) {
            events.publishEvent(new CheckActionRefused(where.stream(), clock.instant(), ctx.person().id(), "check.run", d.reason()));
            return CommandReply.ephemeral(OutboundMessage.builder().tone(OutboundMessage.Tone.DANGER)
                    .text(texts.get(l, "check.refused", d.reason())).build());
        }
        manual.queue(list, only, "command", ctx.person().id(), where);
        String what = only == null ? list.name(l) : only.names().in(l);
        int count = only == null ? list.checks().size() : 1;
        return CommandReply.ephemeral(OutboundMessage.builder().tone(OutboundMessage.Tone.INFO)
                .text(texts.get(l, "check.queued", what, count)).build());
    }

    private UsageException unknown(String name) {
        List<String> known = new ArrayList<>();
        catalog.lists().forEach(x -> {
            known.add(x.id());
            x.checks().forEach(c -> known.add(c.id()));
        });
        List<String> close = Suggestions.closeTo(name, known);
        return new UsageException("check.unknown", name, String.join(", ", close.isEmpty() ? known : close));
    }
}
