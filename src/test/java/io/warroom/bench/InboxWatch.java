package io.warroom.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Warroom's own tables say about a load: commands handled (DONE in {@code command_inbox}: the command
 * ran and its reply was queued in the outbox in the same transaction), the backlog and its drain, and each
 * command's time from stored to reply queued.
 */
final class InboxWatch {

    private final JdbcClient db;

    InboxWatch(JdbcClient db) {
        this.db = db;
    }

    long done() {
        return db.sql("select count(*) from command_inbox where state = 'DONE'").query(Long.class).single();
    }

    long waiting() {
        return db.sql("select count(*) from command_inbox where state in ('PENDING', 'RUNNING')").query(Long.class).single();
    }

    long failed() {
        return db.sql("select count(*) from command_inbox where state = 'FAILED'").query(Long.class).single();
    }

    /**
     * PostgreSQL's own counters for this database (transactions committed, rows inserted, updated, fetched),
     * to divide by the commands handled in the same interval; empty on H2.
     */
    long[] databaseCounters() {
        try {
            return db.sql("""
                    select xact_commit, tup_inserted, tup_updated, tup_fetched from pg_stat_database
                     where datname = current_database()""")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        } catch (org.springframework.dao.DataAccessException e) {
            return new long[0];
        }
    }

    /** Waits until nothing is waiting, at most {@code maxSeconds}; returns the seconds it took (or -1 if it did not). */
    double drain(int maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (waiting() > 0) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Microseconds from each command's {@code created_at} (stored, before the ack) to its reply's outbox
     * {@code created_at} (queued by the worker), for the commands stored in {@code [from, until)}, sorted.
     * Needs one conversation per command (the reply is found by its channel). Both times come from the same
     * clock in the same process.
     */
    long[] commandToReply(String platform, Instant from, Instant until) {
        return db.sql("""
                        select c.created_at as stored, o.created_at as queued from command_inbox c
                          join outbox o on o.platform = c.platform and o.channel = c.channel
                         where c.platform = ? and c.created_at >= ? and c.created_at < ?""")
                .params(platform, from.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> micros(rs.getObject("stored", OffsetDateTime.class),
                        rs.getObject("queued", OffsetDateTime.class)))
                .list().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long micros(OffsetDateTime a, OffsetDateTime b) {
        return java.time.Duration.between(a, b).toNanos() / 1000;
    }
}
