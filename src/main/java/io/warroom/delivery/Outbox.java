package io.warroom.delivery;

/**
 * Durable queue of outbound chat operations. {@link #enqueue} joins the caller's transaction, so a
 * message exists exactly when the state change that caused it was committed; a dispatcher sends it
 * afterwards, with rate limits and retries, surviving restarts.
 */
public interface Outbox {

    /** @return the outbox id of the queued (or coalesced) operation */
    long enqueue(Delivery delivery);
}
