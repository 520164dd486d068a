package io.warroom.command;

/**
 * A command implemented in code (help, whoami, oncall, ...). Modules contribute them as beans; two with
 * the same name stop start-up.
 */
public interface ChatCommand {

    /** The word that invokes it, lowercase. */
    String name();

    /** Arguments after the name, e.g. {@code [role]}; empty when it takes none. */
    String usage();

    /** Message key of a one-line description. */
    String descriptionKey();

    CommandReply run(CommandContext context);
}
