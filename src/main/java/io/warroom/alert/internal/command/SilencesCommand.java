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
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code silences}: the silences made from Warroom that are active now, who made them and until when. */
@Component
class SilencesCommand implements ChatCommand {

    private final AlertRepository repository;
    private final Directory directory;
    private final Texts texts;
    private final ChatTimes times;
    private final Clock clock;

    SilencesCommand(AlertRepository repository, Directory directory, Texts texts, ChatTimes times, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.texts = texts;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "silences";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String descriptionKey() {
        return "alert.command.silences";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (!ctx.args().isEmpty()) {
            throw new UsageException("command.too-many-args", "silences", "/warroom silences");
        }
        Locale l = ctx.locale();
        List<AlertGroup> silenced = repository.silencedAt(clock.instant());
        var message = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO)
                .header(texts.get(l, "alert.command.silences-header", silenced.size()));
        if (silenced.isEmpty()) {
            return CommandReply.inChannel(message.text(texts.get(l, "alert.command.silences-none")).build());
        }
        StringBuilder lines = new StringBuilder();
        for (AlertGroup g : silenced.subList(0, Math.min(30, silenced.size()))) {
            String who = directory.person(g.silencedBy()).map(Person::name).orElse(g.silencedBy());
            lines.append(texts.get(l, "alert.command.silence-line", g.publicId(), g.title(), who,
                    times.format(g.silencedUntil()), g.silenceId())).append('\n');
        }
        return CommandReply.inChannel(message.text(lines.toString().strip()).build());
    }
}
