/**
 * The outbox of outbound chat operations: durable, per-destination rate limits shared by all replicas,
 * retries honouring Retry-After, per-thread ordering, a priority lane and coalesced updates.
 */
package io.warroom.delivery;
