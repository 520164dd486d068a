package io.warroom.command.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code help [command]}: every command with its usage, or one command in detail. */
@Component
class HelpCommand implements ChatCommand {

    // The registry holds this command too, so it is looked up when needed rather than injected.
    private final ObjectProvider<CommandRegistry> registry;
    private final Texts texts;

    HelpCommand(ObjectProvider<CommandRegistry> registry, Texts texts) {
        this.registry = registry;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "[command]";
    }

    @Override
    public String descriptionKey() {
        return "help.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        CommandRegistry commands = registry.getObject();
        if (ctx.args().size() > 1) {
            throw new UsageException("command.too-many-args", "help", "/warroom help " + usage());
        }
        List<ChatCommand> shown = ctx.args().isEmpty() ? commands.all()
                : List.of(commands.find(ctx.args().get(0)).orElseThrow(() -> unknown(commands, ctx.args().get(0))));
        var message = OutboundMessage.builder()
                .tone(OutboundMessage.Tone.INFO)
                .header(texts.get(ctx.locale(), "help.header"))
                .text(texts.get(ctx.locale(), "help.intro"));
        for (ChatCommand c : shown) {
            String usage = "/warroom " + c.name() + (c.usage().isEmpty() ? "" : " " + c.usage());
            message.field(usage, texts.get(ctx.locale(), c.descriptionKey()));
        }
        return CommandReply.ephemeral(message.build());
    }

    private static UsageException unknown(CommandRegistry commands, String name) {
        List<String> suggestions = DidYouMean.suggest(name, commands.names());
        return suggestions.isEmpty() ? new UsageException("command.unknown", name)
                : new UsageException("command.unknown.suggest", name, String.join(", ", suggestions));
    }
}
