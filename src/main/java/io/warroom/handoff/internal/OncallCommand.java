package io.warroom.handoff.internal;

import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code oncall [role]}: who is on duty now and the escalation contacts; {@code oncall next [days]}: the
 * shifts ahead; {@code oncall changes}: overrides and swaps still to come; {@code oncall override|swap|cancel}:
 * change the roster from chat.
 */
@Component
class OncallCommand implements ChatCommand {

    private final OncallViews views;
    private final RosterChangeCommands changes;

    OncallCommand(OncallViews views, RosterChangeCommands changes) {
        this.views = views;
        this.changes = changes;
    }

    @Override
    public String name() {
        return "oncall";
    }

    @Override
    public String usage() {
        return "[role] | next [days] | changes | override @person <role> <from> <to> [reason] | swap @person <date> [their-date] | cancel <id>";
    }

    @Override
    public String descriptionKey() {
        return "oncall.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (ctx.args().isEmpty()) {
            return views.now(ctx, null);
        }
        return switch (ctx.args().get(0).toLowerCase(Locale.ROOT)) {
            case "next" -> views.next(ctx);
            case "changes" -> views.changes(ctx);
            case "override" -> changes.override(ctx);
            case "swap" -> changes.swap(ctx);
            case "cancel" -> changes.cancel(ctx);
            default -> {
                if (ctx.args().size() > 1) {
                    throw new UsageException("command.too-many-args", "oncall", "/warroom oncall " + usage());
                }
                yield views.now(ctx, ctx.args().get(0));
            }
        };
    }
}
