package io.warroom.command;

import io.warroom.chat.InboundCommand;

/**
 * For adapters that must answer the platform before the command runs (Slack, Feishu): the command is
 * stored in the caller's transaction and run soon after by a worker, so an answered request is never
 * lost to a crash. Commands run at least once; each run and its "done" mark commit together.
 */
public interface CommandInbox {

    /** Stores the command whatever the load: when this replica's workers are saturated it waits for a sweep. */
    void accept(InboundCommand command);

    /**
     * Stores the command unless this replica already holds as many commands as its workers can answer
     * promptly. Then nothing is stored and the adapter answers "busy, try again" (or lets the platform
     * deliver again) within the platform's deadline, instead of an ack whose answer would come a minute later.
     *
     * @return false when refused as busy; the caller's transaction must then store nothing else either
     */
    boolean offer(InboundCommand command);

    /**
     * Whether {@link #offer} would refuse: waits briefly ({@code warroom.command.queue-wait}) for room, so that
     * a saturated replica slows its callers down to the rate its workers keep up with instead of answering
     * "busy" at once to clients that ask again at once. Call it before opening a transaction: a refusal then
     * costs no database work, and no connection is held while waiting (it is a hint; offer decides).
     */
    boolean saturated();
}
