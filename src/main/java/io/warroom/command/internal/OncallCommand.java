package io.warroom.command.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import io.warroom.directory.Directory;
import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code oncall [role]}: who is on duty now, until when, and the escalation contacts the runbooks name. */
@Component
class OncallCommand implements ChatCommand {

    static final List<String> ESCALATION_ROLES = List.of("tech-lead", "dba", "cto");

    private final Directory directory;
    private final Texts texts;
    private final Clock clock;
    private final ChatTimes times;

    OncallCommand(Directory directory, Texts texts, Clock clock, ChatTimes times) {
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
        this.times = times;
    }

    @Override
    public String name() {
        return "oncall";
    }

    @Override
    public String usage() {
        return "[role]";
    }

    @Override
    public String descriptionKey() {
        return "oncall.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (ctx.args().size() > 1) {
            throw new UsageException("command.too-many-args", "oncall", "/warroom oncall " + usage());
        }
        Instant now = clock.instant();
        String only = ctx.args().isEmpty() ? null : ctx.args().get(0);
        List<String> known = new java.util.ArrayList<>(directory.rotationRoles());
        known.addAll(ESCALATION_ROLES);
        if (only != null && !known.contains(only)) {
            List<String> suggestions = DidYouMean.suggest(only, known);
            throw new UsageException("oncall.unknown-role", only,
                    String.join(", ", suggestions.isEmpty() ? known : suggestions));
        }
        var l = ctx.locale();
        var message = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO).header(texts.get(l, "oncall.header"));
        List<OnDuty> duty = directory.onDuty(now);
        for (String role : directory.rotationRoles()) {
            if (only != null && !only.equals(role)) {
                continue;
            }
            var holder = duty.stream().filter(d -> d.role().equals(role)).findFirst();
            message.field(role, holder.map(d -> texts.get(l, d.override() ? "oncall.until.override" : "oncall.until",
                            d.person().name(), times.format(d.until())))
                    .orElse(texts.get(l, "oncall.off-duty")));
        }
        for (String role : ESCALATION_ROLES) {
            if (only == null || only.equals(role)) {
                List<String> names = directory.withRole(role, now).stream().map(Person::name).toList();
                message.field(role, names.isEmpty() ? "—" : String.join(", ", names));
            }
        }
        return CommandReply.inChannel(message.build());
    }
}
