package io.warroom.timeline.internal;

import io.warroom.timeline.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Insert-only storage of entries plus the per-stream head that serialises appends. */
@Repository
class TimelineRepository {

    record Head(long position, String hash) {
    }

    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the stream's head row for the rest of the transaction, creating it on first use. */
    Head lockHead(String stream) {
        // Nearly every append is to a stream that exists: one statement then, the insert only on first use.
        var head = lockExisting(stream);
        if (head.isPresent()) {
            return head.get();
        }
        jdbc.sql("insert into timeline_head (stream_id, position, hash) values (?, 0, ?) on conflict do nothing")
                .params(stream, EntryHasher.GENESIS).update();
        return lockExisting(stream).orElseThrow();
    }

    private java.util.Optional<Head> lockExisting(String stream) {
        return jdbc.sql("select position, hash from timeline_head where stream_id = ? for update")
                .param(stream).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
    }

    Head head(String stream) {
        return jdbc.sql("select position, hash from timeline_head where stream_id = ?")
                .param(stream).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(new Head(0, EntryHasher.GENESIS));
    }

    void append(TimelineEntry e) {
        jdbc.sql("""
                insert into timeline_entry (stream_id, position, occurred_at, actor, kind, summary, details,
                    prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.stream(), e.position(), e.occurredAt().atOffset(ZoneOffset.UTC), e.actor(), e.kind(),
                        e.summary(), e.details(), e.previousHash(), e.hash())
                .update();
        jdbc.sql("update timeline_head set position = ?, hash = ? where stream_id = ?")
                .params(e.position(), e.hash(), e.stream()).update();
    }

    List<TimelineEntry> entries(String stream) {
        return jdbc.sql("select * from timeline_entry where stream_id = ? order by position")
                .param(stream).query(TimelineRepository::map).list();
    }

    List<String> streams() {
        return jdbc.sql("select stream_id from timeline_head order by stream_id").query(String.class).list();
    }

    private static TimelineEntry map(ResultSet rs, int n) throws SQLException {
        Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new TimelineEntry(rs.getString("stream_id"), rs.getLong("position"), at, rs.getString("actor"),
                rs.getString("kind"), rs.getString("summary"), rs.getString("details"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
