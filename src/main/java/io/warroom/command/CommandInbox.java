package io.warroom.command;

import io.warroom.chat.InboundCommand;

/**
 * For adapters that must answer the platform before the command runs (Slack, Feishu): the command is
 * stored in the caller's transaction and run soon after by a worker, so an answered request is never
 * lost to a crash. Commands run at least once; each run and its "done" mark commit together.
 */
public interface CommandInbox {

    void accept(InboundCommand command);
}
