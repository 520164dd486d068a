package io.warroom.command;

import io.warroom.chat.InboundCommand;

/** Entry point for text addressed to Warroom from any platform: parse, check, run, answer. */
public interface Commands {

    void handle(InboundCommand command);
}
