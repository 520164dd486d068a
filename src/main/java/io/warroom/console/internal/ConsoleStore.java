package io.warroom.console.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** What a chat server would keep for the console: channels, members, messages. */
@Repository
class ConsoleStore {

    static final String BOT = "warroom";

    private final JdbcClient jdbc;

    ConsoleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String channel, Long threadId, String author, String visibleTo, String body, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into console_message (channel, thread_id, author, visible_to, body, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(channel, threadId, author, visibleTo, body, ts(now), ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean update(long id, String body, Instant now) {
        return jdbc.sql("update console_message set body = ?, updated_at = ?, version = version + 1 "
                        + "where id = ? and author = ?")
                .params(body, ts(now), id, BOT).update() == 1;
    }

    Optional<ConsoleMessage> find(long id) {
        return jdbc.sql("select * from console_message where id = ?").param(id).query(ConsoleStore::map).optional();
    }

    /** The newest {@code limit} messages of a channel that {@code personId} may see, oldest first. */
    List<ConsoleMessage> messages(String channel, String personId, int limit) {
        List<ConsoleMessage> newest = jdbc.sql("""
                select * from console_message where channel = ? and (visible_to is null or visible_to = ?)
                order by id desc limit ?""")
                .params(channel, personId, limit).query(ConsoleStore::map).list();
        List<ConsoleMessage> oldestFirst = new java.util.ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    void createChannel(String id, String name, List<String> members, Instant now) {
        jdbc.sql("insert into console_channel (id, name, created_at) values (?, ?, ?) on conflict do nothing")
                .params(id, name, ts(now)).update();
        addMembers(id, members);
    }

    void addMembers(String channel, List<String> members) {
        for (String m : members) {
            jdbc.sql("insert into console_channel_member (channel_id, person_id) values (?, ?) on conflict do nothing")
                    .params(channel, m).update();
        }
    }

    /** Topics and pins also apply to the fixed channels, so a row is created for them on first use. */
    void setTopic(String channel, String topic, Instant now) {
        ensureChannel(channel, now);
        jdbc.sql("update console_channel set topic = ? where id = ?").params(topic, channel).update();
    }

    void pin(String channel, long messageId, Instant now) {
        ensureChannel(channel, now);
        jdbc.sql("update console_channel set pinned_message_id = ? where id = ?").params(messageId, channel).update();
    }

    record ChannelState(String topic, Long pinnedMessageId) {
    }

    ChannelState state(String channel) {
        return jdbc.sql("select topic, pinned_message_id from console_channel where id = ?").param(channel)
                .query((rs, n) -> {
                    long pinned = rs.getLong(2);
                    return new ChannelState(rs.getString(1), rs.wasNull() ? null : pinned);
                }).optional().orElse(new ChannelState(null, null));
    }

    private void ensureChannel(String channel, Instant now) {
        createChannel(channel, channel, java.util.List.of(), now);
    }

    boolean channelExists(String id) {
        return jdbc.sql("select count(*) from console_channel where id = ?").param(id).query(Long.class).single() > 0;
    }

    record Group(String id, String name) {
    }

    /** Group channels (created by Warroom) that {@code personId} belongs to. */
    List<Group> groupsOf(String personId) {
        return jdbc.sql("""
                select c.id, c.name from console_channel c join console_channel_member m on m.channel_id = c.id
                where m.person_id = ? order by c.created_at""")
                .param(personId).query((rs, n) -> new Group(rs.getString(1), rs.getString(2))).list();
    }

    List<String> members(String channel) {
        return jdbc.sql("select person_id from console_channel_member where channel_id = ? order by person_id")
                .param(channel).query(String.class).list();
    }

    private static ConsoleMessage map(ResultSet rs, int n) throws SQLException {
        long threadValue = rs.getLong("thread_id");
        Long thread = rs.wasNull() ? null : threadValue;
        return new ConsoleMessage(rs.getLong("id"), rs.getString("channel"), thread,
                rs.getString("author"), rs.getString("visible_to"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

    private static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
