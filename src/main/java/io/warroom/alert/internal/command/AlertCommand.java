package io.warroom.alert.internal.command;

import io.warroom.alert.internal.AlertGroup;
import io.warroom.alert.internal.AlertRepository;
import io.warroom.alert.internal.thread.AlertCard;
import io.warroom.alert.internal.thread.ThreadPublisher;
import io.warroom.alert.internal.runbook.Runbooks;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code alert <id>}: one group's card with its alerts' history, also for groups chat only showed in a digest. */
@Component
class AlertCommand implements ChatCommand {

    static final int HISTORY = 15;

    private final AlertRepository repository;
    private final AlertCard card;
    private final ThreadPublisher publisher;
    private final Runbooks runbooks;
    private final Texts texts;
    private final ChatTimes times;
    private final Clock clock;

    AlertCommand(AlertRepository repository, AlertCard card, ThreadPublisher publisher, Runbooks runbooks, Texts texts,
                 ChatTimes times, Clock clock) {
        this.repository = repository;
        this.card = card;
        this.publisher = publisher;
        this.runbooks = runbooks;
        this.texts = texts;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alert";
    }

    @Override
    public String usage() {
        return "<id>";
    }

    @Override
    public String descriptionKey() {
        return "alert.command.alert";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (ctx.args().size() != 1) {
            throw new UsageException("alert.command.alert-usage");
        }
        Locale l = ctx.locale();
        String id = ctx.args().get(0);
        AlertGroup g = io.warroom.alert.internal.AlertQueries.parseId(id).flatMap(repository::find)
                .orElseThrow(() -> new UsageException("alert.command.unknown", id));
        Instant now = clock.instant();
        OutboundMessage root = card.root(g, publisher.details(g), runbooks.forLabels(g.labels()), l, now);
        StringBuilder history = new StringBuilder();
        for (Map<String, Object> change : repository.history(g.id(), HISTORY)) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) change.get("labels");
            history.append(times.format((Instant) change.get("receivedAt"))).append("  ")
                    .append(change.get("status").toString().toLowerCase(Locale.ROOT)).append("  ")
                    .append(ThreadPublisher.target(labels, g.labels()))
                    .append(Boolean.TRUE.equals(change.get("applied")) ? "" : "  " + texts.get(l, "alert.command.stale"))
                    .append('\n');
        }
        var message = OutboundMessage.builder().header(root.header()).tone(root.tone()).text(root.text());
        root.fields().forEach(f -> message.field(f.label(), f.value()));
        root.links().forEach(link -> message.link(link.label(), link.url()));
        message.field(texts.get(l, "alert.command.history", HISTORY), history.isEmpty() ? "—" : history.toString().strip());
        return CommandReply.inChannel(message.build());
    }
}
