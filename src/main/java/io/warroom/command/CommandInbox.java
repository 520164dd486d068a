package io.warroom.command;

import io.warroom.chat.InboundCommand;

/**
 * For adapters that must answer the platform before the command runs (Slack, Feishu): the command is
 * stored in the caller's transaction and run soon after by a worker, so an answered request is never
 * lost to a crash. Commands run at least once; each run and its "done" mark commit together.
 */
public interface CommandInbox {

    /** Stores the command whatever the load: when this replica's workers are saturated it waits for a sweep. */
    default void accept(InboundCommand command) {
        accept(command, null);
    }

    /**
     * As {@link #accept(InboundCommand)}, into the place reserved by {@link #reserve} when there is one (null
     * when none freed in time: the command is stored for the sweep). Waiting for a place first slows a flood
     * down to the workers' pace instead of piling it up in the database.
     */
    void accept(InboundCommand command, Place place);

    /**
     * Stores the command unless this replica already holds as many commands as its workers can answer
     * promptly. Then nothing is stored and the adapter answers "busy, try again" (or lets the platform
     * deliver again) within the platform's deadline, instead of an ack whose answer would come a minute later.
     *
     * @return false when refused as busy; the caller's transaction must then store nothing else either
     */
    default boolean offer(InboundCommand command) {
        return offer(command, null);
    }

    /**
     * As {@link #offer(InboundCommand)}, into the place reserved by {@link #reserve} when it is still held
     * (a transaction that rolled back gave it back to the queue: then a free place is taken, if any).
     */
    boolean offer(InboundCommand command, Place place);

    /**
     * Takes a place in this replica's queue, waiting briefly ({@code warroom.command.queue-wait}) for one to
     * free, so that a saturated replica slows its callers down to the rate its workers keep up with instead
     * of answering "busy" at once to clients that ask again at once. Call it before opening a transaction: a
     * refusal then costs no database work, and no connection is held while waiting. The place is the
     * caller's until it offers a command into it; close it afterwards in any case (closing gives back a
     * place that was not used, as for a repeated delivery).
     *
     * @return null when no place freed within the wait: answer "busy"
     */
    Place reserve();

    /** A place in the queue, held from {@link #reserve} until a command is offered into it or it is closed. */
    interface Place extends AutoCloseable {
        @Override
        void close();
    }
}
