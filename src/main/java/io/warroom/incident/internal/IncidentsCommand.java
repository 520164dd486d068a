package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import io.warroom.incident.IncidentRefused;
import io.warroom.incident.IncidentSummary;
import io.warroom.incident.Incidents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /warroom incidents}: the open incidents, most severe first. */
@Component
class IncidentsCommand implements ChatCommand {

    private final Incidents incidents;
    private final People people;
    private final AccessGuard guard;
    private final Texts texts;
    private final ChatTimes times;
    private final IncidentCards cards;
    private final Clock clock;

    IncidentsCommand(Incidents incidents, People people, AccessGuard guard, Texts texts, ChatTimes times,
                     IncidentCards cards, Clock clock) {
        this.incidents = incidents;
        this.people = people;
        this.guard = guard;
        this.texts = texts;
        this.times = times;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "incidents";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String descriptionKey() {
        return "incidents.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (!ctx.args().isEmpty()) {
            throw new UsageException("command.no-args", "incidents");
        }
        var l = ctx.locale();
        try {
            guard.require(ctx.person(), ctx.command().conversation(), AccessGuard.READ,
                    ctx.command().conversation().stream(), l);
        } catch (IncidentRefused e) {
            return CommandReply.ephemeral(OutboundMessage.builder().tone(Tone.DANGER).text(e.getMessage()).build());
        }
        List<IncidentSummary> open = incidents.open();
        var m = OutboundMessage.builder().tone(open.isEmpty() ? Tone.SUCCESS : Tone.WARNING)
                .header(texts.get(l, "incidents.header", open.size()));
        if (open.isEmpty()) {
            m.text(texts.get(l, "incidents.none"));
        }
        for (IncidentSummary s : open) {
            m.field(s.severity().name() + " " + s.id(), texts.get(l, "incidents.line", s.title(),
                    cards.status(s.status(), l), people.name(s.commander()),
                    times.duration(Duration.between(s.startedAt(), clock.instant()), l)));
        }
        return CommandReply.inChannel(m.build());
    }
}
