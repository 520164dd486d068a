package io.warroom.ops;

import io.warroom.delivery.Delivery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the replicas recorded in their shared database, read by the replica tests to count what happened. */
final class ReplicaLedger {

    /** Long enough ago for a handoff to have opened and reminded twice, even one a dead replica had claimed. */
    static final String SETTLED = "now() - interval '30 seconds'";

    private final JdbcClient db;

    ReplicaLedger(JdbcClient db) {
        this.db = db;
    }

    JdbcClient db() {
        return db;
    }

    long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    /** The escalation steps taken on an alert group's stream, in order. */
    List<String> escalations(String stream) {
        return db.sql("select details from timeline_entry where stream_id = ? and kind = 'alert.escalated' order by position")
                .param(stream).query(String.class).list().stream()
                .map(d -> d.replaceAll(".*\"step\":(\\d+).*", "$1")).toList();
    }

    /** Handovers after {@code since} whose handoff has had time to open and remind twice, and did. */
    long settledHandoffsSince(Instant since) {
        List<String> streams = db.sql("select 'handoff:' || public_id from handoff where handover_at > ? and handover_at < "
                + SETTLED).param(since.atOffset(ZoneOffset.UTC)).query(String.class).list();
        return streams.stream().filter(s -> count("select count(*) from timeline_entry where stream_id = '" + s
                + "' and kind = 'handoff.reminded'") == 2).count();
    }

    /** Handovers long enough ago whose handoff has not yet opened and reminded twice. */
    long unsettledHandoffs() {
        return count("select count(*) from handoff h where h.handover_at < " + SETTLED + " and (select count(*) "
                + "from timeline_entry t where t.stream_id = 'handoff:' || h.public_id and t.kind = 'handoff.reminded') < 2");
    }

    /** Scheduled tasks due by {@code at} and not done yet. */
    long tasksStillDueBy(Instant at) {
        return db.sql("select count(*) from scheduled_task where state in ('PENDING', 'RUNNING') and due_at <= ?")
                .param(at.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }

    long checkSlotsSince(Instant since) {
        return db.sql("select count(*) from check_run where slot_at > ?").param(since.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
    }

    /** The Slack channel an outbox row went to: a war room is queued under its group key before it exists. */
    String slackChannel(String outboxChannel) {
        if (!outboxChannel.startsWith(Delivery.GROUP_PREFIX)) {
            return outboxChannel;
        }
        return db.sql("select channel_id from incident_room where platform = 'slack' and group_key = ?")
                .param(outboxChannel.substring(Delivery.GROUP_PREFIX.length())).query(String.class).single();
    }

    /** Per channel, how many of its messages were being sent (so may arrive twice) among these outbox rows. */
    Map<String, Integer> channelsOf(List<Long> outboxIds) {
        Map<String, Integer> perChannel = new HashMap<>();
        for (long id : outboxIds) {
            perChannel.merge(db.sql("select channel from outbox where id = ?").param(id).query(String.class).single(), 1,
                    Integer::sum);
        }
        return perChannel;
    }
}
