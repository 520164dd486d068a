package io.warroom.shared;

import java.time.Instant;
import java.util.Map;

/**
 * What every domain event carries so the timeline can record it without knowing the module that
 * published it. Events are immutable records named in the past tense.
 */
public interface DomainEvent {

    /** The timeline this event belongs to, e.g. {@code conversation:console:oncall} or {@code incident:42}. */
    String stream();

    Instant occurredAt();

    /** Who caused it: a directory person id, or {@code warroom} for the bot itself. */
    String actor();

    /** Stable machine-readable kind, e.g. {@code command.received}. */
    String kind();

    /** One human-readable line. */
    String summary();

    /** Structured details; values must be JSON-serialisable. */
    Map<String, Object> details();
}
