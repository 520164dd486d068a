package io.warroom.command;

import io.warroom.chat.InboundCommand;
import io.warroom.directory.Person;
import java.util.List;
import java.util.Locale;

/** Everything a command needs: who (resolved to a directory person), where, the arguments, the language. */
public record CommandContext(InboundCommand command, Person person, List<String> args, Locale locale) {
    public CommandContext {
        args = List.copyOf(args);
    }
}
