package io.warroom.timeline;

import java.time.Instant;

/** One recorded fact. {@code details} is canonical JSON (sorted keys); {@code hash} chains it to the previous entry. */
public record TimelineEntry(String stream, long position, Instant occurredAt, String actor, String kind,
                            String summary, String details, String previousHash, String hash) {
}
