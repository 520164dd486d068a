package io.warroom.timeline.internal;

import io.warroom.shared.DomainEvent;
import io.warroom.timeline.TimelineEntry;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every domain event to its stream, in the publisher's transaction: the fact and the state
 * change commit or roll back together. The head row lock serialises concurrent appends to one stream.
 */
@Component
class TimelineRecorder {

    private final TimelineRepository repository;
    private final EntryHasher hasher;

    TimelineRecorder(TimelineRepository repository, EntryHasher hasher) {
        this.repository = repository;
        this.hasher = hasher;
    }

    @EventListener
    @Transactional
    public void record(DomainEvent event) {
        String stream = event.stream();
        var head = repository.lockHead(stream);
        long position = head.position() + 1;
        // Stored precision differs between databases; hash what every database returns unchanged.
        var at = event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        String details = hasher.canonicalDetails(event.details());
        String summary = event.summary().length() > 2000 ? event.summary().substring(0, 1997) + "..." : event.summary();
        String hash = hasher.hash(head.hash(), stream, position, at, event.actor(), event.kind(), summary, details);
        repository.append(new TimelineEntry(stream, position, at, event.actor(), event.kind(), summary, details,
                head.hash(), hash));
    }
}
