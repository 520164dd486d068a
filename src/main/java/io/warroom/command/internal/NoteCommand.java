package io.warroom.command.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.NoteAdded;
import io.warroom.command.UsageException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code note <text>}: puts a line on the conversation's timeline, for the incident record. */
@Component
class NoteCommand implements ChatCommand {

    static final int MAX_NOTE = 1500;

    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final Clock clock;

    NoteCommand(ApplicationEventPublisher events, Texts texts, Clock clock) {
        this.events = events;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "note";
    }

    @Override
    public String usage() {
        return "<text>";
    }

    @Override
    public String descriptionKey() {
        return "note.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        String text = String.join(" ", ctx.args()).strip();
        if (text.isEmpty()) {
            throw new UsageException("note.empty");
        }
        if (text.length() > MAX_NOTE) {
            throw new UsageException("note.too-long", MAX_NOTE);
        }
        var where = ctx.command().conversation();
        events.publishEvent(new NoteAdded(where.stream(), clock.instant(), ctx.person().id(), text,
                where.platform().id(), where.channel()));
        return CommandReply.ephemeral(OutboundMessage.builder().tone(OutboundMessage.Tone.SUCCESS)
                .text(texts.get(ctx.locale(), "note.recorded", text)).build());
    }
}
