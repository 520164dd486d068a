package io.warroom.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.shared.DomainEvent;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The timeline records published events, chains them, and detects tampering; on H2 and PostgreSQL. */
abstract class TimelineContract {

    record Noted(String stream, Instant occurredAt, String actor, String summary, Map<String, Object> details)
            implements DomainEvent {
        @Override
        public String kind() {
            return "test.noted";
        }
    }

    @Autowired ApplicationEventPublisher events;
    @Autowired Timeline timeline;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private static String stream() {
        return "incident:test-" + UUID.randomUUID();
    }

    private void publish(String stream, String summary) {
        tx.executeWithoutResult(s -> events.publishEvent(new Noted(stream, Instant.now(), "zhang.san", summary,
                Map.of("b", 2, "a", List.of("x", "y")))));
    }

    @Test
    void eventsAreRecordedInOrderAndChained() {
        String s = stream();
        publish(s, "first");
        publish(s, "second | with a pipe\nand a newline");

        List<TimelineEntry> entries = timeline.entries(s);
        assertThat(entries).extracting(TimelineEntry::position).containsExactly(1L, 2L);
        assertThat(entries.get(0).previousHash()).isEqualTo(EntryHasher.GENESIS);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(0).details()).isEqualTo("{\"a\":[\"x\",\"y\"],\"b\":2}");
        assertThat(timeline.verify(s).intact()).isTrue();
        assertThat(timeline.streams()).contains(s);
    }

    @Test
    void anEventOfARolledBackTransactionLeavesNoEntry() {
        String s = stream();
        assertThatThrownBy(() -> tx.executeWithoutResult(st -> {
            events.publishEvent(new Noted(s, Instant.now(), "li.si", "never happened", Map.of()));
            throw new IllegalStateException("state change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(timeline.entries(s)).isEmpty();
    }

    @Test
    void editedEntryIsDetectedAtItsPosition() {
        String s = stream();
        publish(s, "one");
        publish(s, "two");
        publish(s, "three");
        jdbc.sql("update timeline_entry set summary = 'rewritten' where stream_id = ? and position = 2").param(s).update();

        var v = timeline.verify(s);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(2L);
        assertThat(v.reason()).contains("hash");
    }

    @Test
    void editedDetailsAreDetected() {
        String s = stream();
        publish(s, "one");
        jdbc.sql("update timeline_entry set details = '{\"a\":1}' where stream_id = ?").param(s).update();
        assertThat(timeline.verify(s).firstBrokenPosition()).isEqualTo(1L);
    }

    @Test
    void removedEntriesAreDetectedInTheMiddleAndAtTheEnd() {
        String middle = stream();
        publish(middle, "one");
        publish(middle, "two");
        publish(middle, "three");
        jdbc.sql("delete from timeline_entry where stream_id = ? and position = 2").param(middle).update();
        assertThat(timeline.verify(middle).firstBrokenPosition()).isEqualTo(2L);

        String tail = stream();
        publish(tail, "one");
        publish(tail, "two");
        jdbc.sql("delete from timeline_entry where stream_id = ? and position = 2").param(tail).update();
        var v = timeline.verify(tail);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(2L);
    }

    @Test
    void concurrentAppendsToOneStreamStayContiguousAndIntact() throws Exception {
        String s = stream();
        int threads = 8;
        int each = 10;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        publish(s, "thread " + n + " entry " + i);
                    }
                    return null;
                });
            }
            for (var f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(timeline.entries(s)).extracting(TimelineEntry::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(timeline.verify(s).intact()).isTrue();
    }

    @Test
    void exportsCarryTheEntriesAndTheVerification() {
        String s = stream();
        publish(s, "restart | backend");
        String md = timeline.exportMarkdown(s);
        assertThat(md).contains("# Timeline `" + s + "`", "Hash chain verified: 1 entries, intact.",
                "restart \\| backend", "test.noted", "zhang.san");
        String json = timeline.exportJson(s);
        assertThat(json).contains("\"intact\" : true", "\"summary\" : \"restart | backend\"", "\"a\" : [ \"x\", \"y\" ]");
    }
}
