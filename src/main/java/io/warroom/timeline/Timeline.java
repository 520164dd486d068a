package io.warroom.timeline;

import java.util.List;

/**
 * Read side of the append-only, hash-chained timeline. Nothing writes to it directly: it records every
 * {@link io.warroom.shared.DomainEvent} published inside the transaction that caused it.
 */
public interface Timeline {

    List<TimelineEntry> entries(String stream);

    List<String> streams();

    Verification verify(String stream);

    String exportJson(String stream);

    String exportMarkdown(String stream);
}
