package io.warroom.alert.internal.command;

import io.warroom.alert.internal.AlertGroup;
import io.warroom.alert.internal.AlertRepository;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code alerts [all]}: what is firing now in this channel (or everywhere), acknowledged or not. */
@Component
class AlertsCommand implements ChatCommand {

    static final int MAX_LINES = 30;

    private final AlertRepository repository;
    private final Texts texts;
    private final ChatTimes times;
    private final Clock clock;

    AlertsCommand(AlertRepository repository, Texts texts, ChatTimes times, Clock clock) {
        this.repository = repository;
        this.texts = texts;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String usage() {
        return "[all]";
    }

    @Override
    public String descriptionKey() {
        return "alert.command.alerts";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        boolean all = !ctx.args().isEmpty() && ctx.args().get(0).equalsIgnoreCase("all");
        if (ctx.args().size() > 1 || (!ctx.args().isEmpty() && !all)) {
            throw new UsageException("alert.command.alerts-usage");
        }
        var where = ctx.command().conversation();
        List<AlertGroup> groups = (all ? repository.firing() : repository.firingIn(where.platform().id(), where.channel()))
                .stream().sorted(Comparator.comparingInt((AlertGroup g) -> -AlertGroup.Severity.rank(g.severity()))
                        .thenComparing(AlertGroup::episodeStarted)).toList();
        Locale l = ctx.locale();
        Instant now = clock.instant();
        var message = OutboundMessage.builder().tone(groups.isEmpty() ? OutboundMessage.Tone.SUCCESS : OutboundMessage.Tone.WARNING)
                .header(texts.get(l, all ? "alert.command.alerts-all" : "alert.command.alerts-here", groups.size()));
        if (groups.isEmpty()) {
            return CommandReply.inChannel(message.text(texts.get(l, "alert.command.none")).build());
        }
        StringBuilder lines = new StringBuilder();
        for (AlertGroup g : groups.subList(0, Math.min(MAX_LINES, groups.size()))) {
            lines.append(line(g, l, now)).append('\n');
        }
        if (groups.size() > MAX_LINES) {
            lines.append(texts.get(l, "alert.card.more", groups.size() - MAX_LINES));
        }
        return CommandReply.inChannel(message.text(lines.toString().strip()).build());
    }

    String line(AlertGroup g, Locale l, Instant now) {
        String state = g.silenced(now) ? texts.get(l, "alert.command.state-silenced", times.format(g.silencedUntil()))
                : g.handled() ? texts.get(l, "alert.command.state-handled", g.handledBy())
                : g.acked() ? texts.get(l, "alert.command.state-acked", g.ackedBy())
                : texts.get(l, "alert.command.state-open");
        return texts.get(l, "alert.command.line", g.publicId(), g.severity(), g.title(),
                times.duration(Duration.between(g.episodeStarted(), now), l), g.firingCount(), state);
    }
}
