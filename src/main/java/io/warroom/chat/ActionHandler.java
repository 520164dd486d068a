package io.warroom.chat;

/**
 * Handles clicks and form submissions whose action id starts with {@link #prefix()}. Implementations
 * must re-check that the actor may do what the click asks: a button proves nothing.
 */
public interface ActionHandler {

    /** Action ids this handler owns, e.g. {@code approval.} — prefixes must not overlap. */
    String prefix();

    /** Runs in the request; must be quick (platforms wait at most 3 s). Slow work goes to the outbox or a job. */
    ActionOutcome handle(InboundAction action);
}
