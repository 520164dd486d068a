package io.warroom.command.internal;

import io.warroom.chat.ChatLocales;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReceived;
import io.warroom.command.CommandReply;
import io.warroom.command.Commands;
import io.warroom.command.UsageException;
import io.warroom.command.internal.catalog.Catalog;
import io.warroom.command.internal.catalog.ParamException;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a command end to end in one transaction: who is asking, what they asked, the answer queued in the
 * outbox, and the fact recorded on the timeline all commit together.
 */
@Service
class CommandService implements Commands {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommandService.class);

    private final CommandRegistry registry;
    private final Catalog catalog;
    private final CatalogRunner catalogRunner;
    private final Directory directory;
    private final Outbox outbox;
    private final ChatLocales locales;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommandService(CommandRegistry registry, Catalog catalog, CatalogRunner catalogRunner, Directory directory, Outbox outbox, ChatLocales locales, Texts texts,
                   ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.catalog = catalog;
        this.catalogRunner = catalogRunner;
        for (var c : catalog.commands()) {
            if (registry.find(c.words().get(0)).isPresent()) {
                throw new io.warroom.shared.ConfigurationProblem("Catalog " + c.source() + " (" + c.id() + "): '"
                        + c.words().get(0) + "' is a built-in command");
            }
        }
        this.directory = directory;
        this.outbox = outbox;
        this.locales = locales;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void handle(InboundCommand command) {
        Locale locale = locales.of(command.conversation());
        Person person = directory.resolve(command.actor()).orElse(null);
        if (person == null) {
            reply(command, CommandReply.ephemeral(OutboundMessage.text(texts.get(locale, "command.unknown-person",
                    command.actor().platform().id(), command.actor().userId()))));
            record(command, command.actor().platform().id() + ":" + command.actor().userId(), "unknown-person");
            return;
        }
        CommandReply reply;
        String outcome = "ok";
        try {
            List<String> tokens = Tokenizer.split(command.text());
            if (tokens.isEmpty()) {
                tokens = List.of("help");
            }
            String name = tokens.get(0).toLowerCase(Locale.ROOT);
            var builtin = registry.find(name);
            if (builtin.isPresent()) {
                reply = builtin.get().run(new CommandContext(command, person, tokens.subList(1, tokens.size()), locale));
            } else {
                var entry = catalog.match(tokens)
                        .orElseThrow(() -> DidYouMean.unknownCommand(name, registry.names(), catalog));
                Catalog.Invocation invocation;
                try {
                    invocation = catalog.bind(entry, tokens);
                } catch (ParamException e) {
                    throw new UsageException("catalog.usage", texts.get(locale, e.key(), e.args()),
                            "/warroom " + entry.usage());
                }
                reply = catalogRunner.run(new CommandContext(command, person, tokens, locale), invocation);
            }
        } catch (UsageException e) {
            outcome = "usage";
            reply = CommandReply.ephemeral(usage(locale, e));
        } catch (RuntimeException e) {
            // A bug must not swallow the answer: the asker learns something failed, the log has the detail.
            String ref = Long.toString(System.nanoTime() & 0xffffff, 36);
            log.error("Command '{}' failed (ref {})", command.text(), ref, e);
            outcome = "error";
            reply = CommandReply.ephemeral(OutboundMessage.builder().tone(OutboundMessage.Tone.DANGER)
                    .text(texts.get(locale, "command.internal-error", ref)).build());
        }
        // The answer first, the timeline last: appending locks the channel's stream head until commit, and
        // commands in one channel wait for each other only as long as that lock is held.
        reply(command, reply);
        record(command, person.id(), outcome);
    }

    private OutboundMessage usage(Locale locale, UsageException e) {
        StringBuilder commands = new StringBuilder();
        for (ChatCommand c : registry.all()) {
            commands.append("• /warroom ").append(c.name());
            if (!c.usage().isEmpty()) {
                commands.append(' ').append(c.usage());
            }
            commands.append('\n');
        }
        catalog.commands().forEach(c -> commands.append("• /warroom ").append(c.usage()).append('\n'));
        return OutboundMessage.builder()
                .tone(OutboundMessage.Tone.WARNING)
                .header(texts.get(locale, "command.usage.header"))
                .text(texts.get(locale, e.messageKey(), e.args()) + "\n\n" + commands.toString().strip())
                .build();
    }

    private void reply(InboundCommand command, CommandReply reply) {
        if (reply == null) {
            return;
        }
        String user = command.actor().userId();
        Delivery delivery;
        if (reply.message().form() != null) {
            delivery = Delivery.openForm(command.conversation(), user, command.trigger(), reply.message());
        } else if (reply.ephemeral()) {
            delivery = Delivery.ephemeral(command.conversation(), user, reply.message());
        } else {
            delivery = Delivery.post(command.conversation(), null, reply.message(), Priority.NORMAL);
        }
        outbox.enqueue(delivery);
    }

    private void record(InboundCommand command, String actor, String outcome) {
        events.publishEvent(new CommandReceived(command.conversation().stream(), clock.instant(), actor,
                command.conversation().platform().id(), command.conversation().channel(), command.text(), outcome));
    }
}
