package io.warroom.delivery.internal;

import io.warroom.chat.Platform;
import io.warroom.delivery.Delivery.Operation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the outbox. Every state change is a conditional update, so replicas never step on each other. */
@Repository
class OutboxRepository {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(OutboxRow r, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outbox (platform, channel, operation, message_key, thread_ref, thread_key, visible_to,
                    ordering_key, priority, payload, state, attempts, next_attempt_at, created_at)
                values (:platform, :channel, :operation, :messageKey, :threadRef, :threadKey, :visibleTo,
                    :orderingKey, :priority, :payload, 'PENDING', 0, :now, :now)""")
                .param("platform", r.platform().id()).param("channel", r.channel())
                .param("operation", r.operation().name()).param("messageKey", r.messageKey())
                .param("threadRef", r.threadRef()).param("threadKey", r.threadKey())
                .param("visibleTo", r.visibleTo()).param("orderingKey", r.orderingKey())
                .param("priority", r.priority()).param("payload", r.payload()).param("now", ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The ordering key of the message's original post, so its updates queue behind it. */
    Optional<String> orderingKeyOfMessage(String platform, String channel, String messageKey) {
        return jdbc.sql("""
                select ordering_key from outbox where platform = ? and channel = ? and message_key = ?
                and operation = 'POST' order by id limit 1""")
                .params(platform, channel, messageKey).query(String.class).optional();
    }

    /**
     * Replaces the content of the newest queued post/update of this message if nothing has claimed it yet.
     * @return the id of the coalesced row, if any
     */
    Optional<Long> coalesce(String platform, String channel, String messageKey, String payload, int priority) {
        Optional<Long> latest = jdbc.sql("""
                select max(id) from outbox where platform = ? and channel = ? and message_key = ?
                and operation in ('POST', 'UPDATE')""")
                .params(platform, channel, messageKey).query(Long.class).optional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        int n = jdbc.sql("""
                update outbox set payload = ?, priority = greatest(priority, ?)
                where id = ? and state = 'PENDING' and visible_to is null""")
                .params(payload, priority, latest.get()).update();
        return n == 1 ? latest : Optional.empty();
    }

    /**
     * Operations of one platform ready to send: due, and first in their thread among unfinished ones. Two
     * branches rather than one {@code or}: with the {@code or}, H2 read the whole table (a week of sent rows)
     * on every round instead of the ready index.
     */
    static final String READY = """
            select * from (
                select d.* from outbox d
                where d.platform = :platform and d.state = 'PENDING' and d.next_attempt_at <= :now
                union all
                select s.* from outbox s
                where s.platform = :platform and s.state = 'SENDING' and s.claimed_until < :now) o
            where not exists (select 1 from outbox p where p.ordering_key = o.ordering_key and p.id < o.id
                              and p.state in ('PENDING', 'SENDING'))
            order by o.priority desc, o.id
            limit :limit""";

    List<OutboxRow> ready(Platform platform, Instant now, int limit) {
        return jdbc.sql(READY).param("platform", platform.id()).param("now", ts(now)).param("limit", limit)
                .query(OutboxRepository::map).list();
    }

    /** Whether an unfinished operation waits behind this one in its ordering key (an update, a pin, a reply). */
    boolean hasFollower(OutboxRow row) {
        return jdbc.sql("select count(*) from outbox where ordering_key = ? and id > ? and state = 'PENDING'")
                .params(row.orderingKey(), row.id()).query(Long.class).single() > 0;
    }

    /** Claims a row for sending until {@code until}; the re-read row has the latest (coalesced) payload. */
    Optional<OutboxRow> claim(long id, Instant now, Instant until) {
        int n = jdbc.sql("""
                update outbox set state = 'SENDING', claimed_until = :until
                where id = :id and (state = 'PENDING' or (state = 'SENDING' and claimed_until < :now))""")
                .param("until", ts(until)).param("id", id).param("now", ts(now)).update();
        if (n != 1) {
            return Optional.empty();
        }
        return jdbc.sql("select * from outbox where id = ?").param(id).query(OutboxRepository::map).optional();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("update outbox set state = 'SENT', sent_at = ?, claimed_until = null, last_error = null "
                        + "where id = ? and state = 'SENDING'")
                .params(ts(now), id).update();
    }

    /** Puts a claimed row back in the queue; {@code countAttempt} is false when waiting was not a failure. */
    void reschedule(long id, Instant at, boolean countAttempt, String error) {
        jdbc.sql("""
                update outbox set state = 'PENDING', claimed_until = null, next_attempt_at = ?,
                    attempts = attempts + ?, last_error = ?
                where id = ? and state = 'SENDING'""")
                .params(ts(at), countAttempt ? 1 : 0, truncate(error), id).update();
    }

    /** Puts unclaimed rows back, each until its own time (their rate limit is full), in one batch. */
    void postpone(Map<Long, Instant> until) {
        if (until.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(until.size());
        until.forEach((id, at) -> rows.add(new Object[] {ts(at), id}));
        batch.batchUpdate("update outbox set next_attempt_at = ? where id = ? and state = 'PENDING'", rows);
    }

    void markFailed(long id, String error) {
        jdbc.sql("update outbox set state = 'FAILED', claimed_until = null, last_error = ? "
                        + "where id = ? and state = 'SENDING'")
                .params(truncate(error), id).update();
    }

    long unfinishedCount() {
        return jdbc.sql("select count(*) from outbox where state in ('PENDING', 'SENDING')")
                .query(Long.class).single();
    }

    /** Forgets finished operations (and the platform ids they produced) older than {@code cutoff}. */
    int deleteFinishedBefore(Instant cutoff) {
        int n = jdbc.sql("delete from outbox where (state = 'SENT' and sent_at < ?) or (state = 'FAILED' and created_at < ?)")
                .params(ts(cutoff), ts(cutoff)).update();
        jdbc.sql("delete from delivered_ref where created_at < ?").param(ts(cutoff)).update();
        return n;
    }

    /** Whether an operation that would have produced {@code key} in this channel failed for good. */
    boolean failedProducer(Platform platform, String channel, String key, boolean group) {
        String sql = group
                ? "select count(*) from outbox where platform = ? and operation = 'CREATE_GROUP' and message_key = ? and state = 'FAILED'"
                : "select count(*) from outbox where platform = ? and channel = ? and message_key = ? and operation = 'POST' and state = 'FAILED'";
        var q = group ? jdbc.sql(sql).params(platform.id(), key) : jdbc.sql(sql).params(platform.id(), channel, key);
        return q.query(Long.class).single() > 0;
    }

    Optional<String> ref(Platform platform, String channel, String key) {
        return jdbc.sql("select platform_ref from delivered_ref where platform = ? and channel = ? and ref_key = ?")
                .params(platform.id(), channel, key).query(String.class).optional();
    }

    void saveRef(Platform platform, String channel, String key, String ref, Instant now) {
        jdbc.sql("""
                insert into delivered_ref (platform, channel, ref_key, platform_ref, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(platform.id(), channel, key, ref, ts(now)).update();
    }

    private static OutboxRow map(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(rs.getLong("id"), Platform.fromId(rs.getString("platform")), rs.getString("channel"),
                Operation.valueOf(rs.getString("operation")), rs.getString("message_key"),
                rs.getString("thread_ref"), rs.getString("thread_key"), rs.getString("visible_to"),
                rs.getString("ordering_key"), rs.getInt("priority"), rs.getString("payload"),
                rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
