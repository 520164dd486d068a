package io.warroom.alert.internal.thread;

import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each alert group lives in chat (its own root, or a line in a storm digest) and the storms. */
@Repository
class ThreadRepository {

    enum Mode { ROOT, DIGEST }

    record Thread(long groupId, Conversation where, Mode mode, Long stormId) {
    }

    record Storm(long id, Conversation where, Instant startedAt, Instant endedAt) {
    }

    private final JdbcClient jdbc;

    ThreadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Thread> thread(long groupId, Conversation where) {
        return jdbc.sql("select * from alert_thread where group_id = ? and platform = ? and channel = ?")
                .params(groupId, where.platform().id(), where.channel())
                .query((rs, n) -> new Thread(groupId, where, Mode.valueOf(rs.getString("mode")),
                        (Long) rs.getObject("storm_id", Long.class))).optional();
    }

    List<Thread> threads(long groupId) {
        return jdbc.sql("select * from alert_thread where group_id = ? order by platform, channel").param(groupId)
                .query((rs, n) -> new Thread(groupId, Conversation.of(Platform.fromId(rs.getString("platform")),
                        rs.getString("channel")), Mode.valueOf(rs.getString("mode")),
                        (Long) rs.getObject("storm_id", Long.class))).list();
    }

    /** Serialises newcomers to one channel until the transaction ends (storm detection counts them exactly). */
    void lockChannel(Conversation where) {
        jdbc.sql("insert into alert_channel (platform, channel) values (?, ?) on conflict do nothing")
                .params(where.platform().id(), where.channel()).update();
        jdbc.sql("select platform from alert_channel where platform = ? and channel = ? for update")
                .params(where.platform().id(), where.channel()).query(String.class).single();
    }

    /** Claims the group's place in this channel; false when another notification or replica did first. */
    boolean claim(long groupId, Conversation where, Mode mode, Long stormId, Instant now) {
        return jdbc.sql("""
                insert into alert_thread (group_id, platform, channel, mode, storm_id, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(groupId, where.platform().id(), where.channel(), mode.name(), stormId, ts(now)).update() == 1;
    }

    /** A digest line becomes a thread of its own; false when it already was. */
    boolean promote(long groupId, Conversation where) {
        return jdbc.sql("update alert_thread set mode = 'ROOT' where group_id = ? and platform = ? and channel = ? and mode = 'DIGEST'")
                .params(groupId, where.platform().id(), where.channel()).update() == 1;
    }

    /** New groups that got a place in this channel since {@code since}: the storm detector. */
    int newThreadsSince(Conversation where, Instant since) {
        return jdbc.sql("select count(*) from alert_thread where platform = ? and channel = ? and created_at >= ?")
                .params(where.platform().id(), where.channel(), ts(since)).query(Integer.class).single();
    }

    Optional<Storm> openStorm(Conversation where) {
        return jdbc.sql("select * from alert_storm where open_key = ?").param(openKey(where)).query(this::mapStorm).optional();
    }

    Optional<Storm> storm(long id) {
        return jdbc.sql("select * from alert_storm where id = ?").param(id).query(this::mapStorm).optional();
    }

    /** Opens a storm in this channel unless one is open; true when this call opened it. */
    boolean startStorm(Conversation where, Instant now) {
        return jdbc.sql("""
                insert into alert_storm (platform, channel, open_key, started_at)
                values (?, ?, ?, ?) on conflict do nothing""")
                .params(where.platform().id(), where.channel(), openKey(where), ts(now)).update() == 1;
    }

    /** When the last group joined the storm (kept on the threads, so joining never contends for the storm's row). */
    Optional<Instant> lastJoined(long stormId) {
        return jdbc.sql("select max(created_at) from alert_thread where storm_id = ?").param(stormId)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Ends the storm if it is still open; false when someone else ended it. */
    boolean endStorm(long id, Instant now) {
        return jdbc.sql("update alert_storm set ended_at = ?, open_key = null where id = ? and ended_at is null")
                .params(ts(now), id).update() == 1;
    }

    List<Long> groupsOfStorm(long stormId) {
        return jdbc.sql("select group_id from alert_thread where storm_id = ? order by group_id").param(stormId)
                .query(Long.class).list();
    }

    private Storm mapStorm(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Storm(rs.getLong("id"), Conversation.of(Platform.fromId(rs.getString("platform")), rs.getString("channel")),
                instant(rs, "started_at"), instant(rs, "ended_at"));
    }

    private static String openKey(Conversation where) {
        return where.platform().id() + ":" + where.channel();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
