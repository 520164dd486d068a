package io.warroom.chat;

/**
 * Handles clicks and form submissions whose action id starts with {@link #prefix()}. Implementations
 * must re-check that the actor may do what the click asks: a button proves nothing.
 */
public interface ActionHandler {

    /** Action ids this handler owns, e.g. {@code approval.} — prefixes must not overlap. */
    String prefix();

    void handle(InboundAction action);
}
