package io.warroom.command.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.internal.catalog.Catalog;
import io.warroom.command.internal.catalog.CatalogCommand;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code help [command]}: every command with its usage, or one command in detail. */
@Component
class HelpCommand implements ChatCommand {

    // The registry holds this command too, so it is looked up when needed rather than injected.
    private final ObjectProvider<CommandRegistry> registry;
    private final Catalog catalog;
    private final Texts texts;

    HelpCommand(ObjectProvider<CommandRegistry> registry, Catalog catalog, Texts texts) {
        this.registry = registry;
        this.catalog = catalog;
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
        String topic = ctx.args().isEmpty() ? null : String.join(" ", ctx.args()).toLowerCase(java.util.Locale.ROOT);
        List<ChatCommand> builtins = topic == null ? commands.all()
                : commands.find(topic).map(List::of).orElse(List.of());
        List<CatalogCommand> entries = topic == null ? catalog.commands() : catalog.commands().stream()
                .filter(c -> c.phrase().equals(topic) || c.words().get(0).equals(topic)).toList();
        if (builtins.isEmpty() && entries.isEmpty()) {
            throw DidYouMean.unknownCommand(topic, commands.names(), catalog);
        }
        var message = OutboundMessage.builder()
                .tone(OutboundMessage.Tone.INFO)
                .header(texts.get(ctx.locale(), "help.header"))
                .text(texts.get(ctx.locale(), "help.intro"));
        for (ChatCommand c : builtins) {
            String usage = "/warroom " + c.name() + (c.usage().isEmpty() ? "" : " " + c.usage());
            message.field(usage, texts.get(ctx.locale(), c.descriptionKey()));
        }
        for (CatalogCommand c : entries) {
            String approval = c.readOnly() ? "" : " " + texts.get(ctx.locale(), "catalog.needs-approval");
            message.field("/warroom " + c.usage(), c.description(ctx.locale()) + approval);
        }
        return CommandReply.ephemeral(message.build());
    }
}
