package io.warroom.command.internal;

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
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code whoami}: the directory person behind your chat identity, their groups, roles and duty. */
@Component
class WhoamiCommand implements ChatCommand {

    private final Directory directory;
    private final Texts texts;
    private final Clock clock;

    WhoamiCommand(Directory directory, Texts texts, Clock clock) {
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String descriptionKey() {
        return "whoami.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        if (!ctx.args().isEmpty()) {
            throw new UsageException("command.no-args", "whoami");
        }
        Person p = ctx.person();
        List<String> identities = new ArrayList<>();
        if (p.slackId() != null) {
            identities.add("Slack " + p.slackId());
        }
        if (p.feishuOpenId() != null) {
            identities.add("Feishu " + p.feishuOpenId());
        }
        List<String> duty = directory.onDuty(clock.instant()).stream()
                .filter(d -> d.person().id().equals(p.id())).map(OnDuty::role).toList();
        var l = ctx.locale();
        return CommandReply.ephemeral(OutboundMessage.builder()
                .header(p.name())
                .field(texts.get(l, "whoami.id"), p.id())
                .field(texts.get(l, "whoami.groups"), join(p.groups()))
                .field(texts.get(l, "whoami.roles"), join(p.roles()))
                .field(texts.get(l, "whoami.identities"), join(identities))
                .field(texts.get(l, "whoami.duty"), duty.isEmpty() ? texts.get(l, "whoami.off-duty") : join(duty))
                .build());
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? "—" : String.join(", ", items);
    }
}
