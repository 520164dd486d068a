package io.warroom.chat;

/**
 * Remembers inbound deliveries so retries by a platform (or a second replica receiving the same event)
 * do the work once. Backed by a unique key in the database, shared by all replicas.
 */
public interface InboundDeliveries {

    /**
     * Records the delivery; true the first time it is seen, false for a repeat. Joins the caller's
     * transaction when there is one, so a failed handling lets the platform's retry through.
     */
    boolean firstTime(String source, String deliveryId);

    /**
     * Undoes {@link #firstTime} in the same transaction: the delivery was refused after all (Warroom was busy)
     * and must be taken when the platform sends it again.
     */
    void forget(String source, String deliveryId);
}
