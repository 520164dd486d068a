package io.warroom.incident.internal;

import static io.warroom.incident.internal.Db.ts;

import io.warroom.chat.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** War rooms and who was invited to them. Each row is a claim: inserting it twice does nothing. */
@Repository
class RoomRepository {

    private final JdbcClient jdbc;

    RoomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this call claimed the room (it did not exist): only then is it created. */
    boolean claim(String incidentId, Platform platform, String groupKey, String name, Instant at) {
        return jdbc.sql("""
                insert into incident_room (incident_id, platform, group_key, name, state, requested_at)
                values (?, ?, ?, ?, 'REQUESTED', ?) on conflict do nothing""")
                .params(incidentId, platform.id(), groupKey, name, ts(at)).update() == 1;
    }

    List<Room> of(String incidentId) {
        return jdbc.sql("select * from incident_room where incident_id = ? order by platform").param(incidentId)
                .query(RoomRepository::map).list();
    }

    Optional<Room> byGroup(Platform platform, String groupKey) {
        return jdbc.sql("select * from incident_room where platform = ? and group_key = ?").params(platform.id(), groupKey)
                .query(RoomRepository::map).optional();
    }

    Optional<Room> byChannel(Platform platform, String channelId) {
        return jdbc.sql("select * from incident_room where platform = ? and channel_id = ?").params(platform.id(), channelId)
                .query(RoomRepository::map).optional();
    }

    /** @return true the first time: a repeated "created" for the same room changes nothing. */
    boolean opened(Platform platform, String groupKey, String channelId, Instant at) {
        return jdbc.sql("""
                update incident_room set state = 'OPEN', channel_id = ?, opened_at = ?, error = null
                where platform = ? and group_key = ? and state <> 'OPEN'""")
                .params(channelId, ts(at), platform.id(), groupKey).update() == 1;
    }

    /** The room got its follow-ups (topic, checklist, card link). */
    void settled(String incidentId, Platform platform, Instant at) {
        jdbc.sql("update incident_room set settled_at = ? where incident_id = ? and platform = ? and settled_at is null")
                .params(ts(at), incidentId, platform.id()).update();
    }

    boolean failed(Platform platform, String groupKey, String error) {
        return jdbc.sql("update incident_room set state = 'FAILED', error = ? where platform = ? and group_key = ? and state = 'REQUESTED'")
                .params(error.length() > 500 ? error.substring(0, 500) : error, platform.id(), groupKey).update() == 1;
    }

    void topic(String incidentId, Platform platform, String topic) {
        jdbc.sql("update incident_room set topic = ? where incident_id = ? and platform = ?")
                .params(topic, incidentId, platform.id()).update();
    }

    /** @return true when this person had not been invited to this room yet */
    boolean invite(String incidentId, Platform platform, String personId, Instant at) {
        return jdbc.sql("""
                insert into incident_room_member (incident_id, platform, person_id, invited_at) values (?, ?, ?, ?)
                on conflict do nothing""").params(incidentId, platform.id(), personId, ts(at)).update() == 1;
    }

    /** Records that the platform refused this member; true the first time (a repeated report changes nothing). */
    boolean refused(String incidentId, Platform platform, String personId, String reason) {
        return jdbc.sql("""
                update incident_room_member set refused = ? where incident_id = ? and platform = ? and person_id = ?
                and refused is null""").params(reason, incidentId, platform.id(), personId).update() == 1;
    }

    /** Members of the room who are not in it, with why (no identity on that platform, or the platform's refusal). */
    java.util.Map<String, String> refusedMembers(String incidentId, Platform platform) {
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select person_id, refused from incident_room_member where incident_id = ? and platform = ?
                and refused is not null order by invited_at, person_id""").params(incidentId, platform.id())
                .query((rs, n) -> result.put(rs.getString(1), rs.getString(2))).list();
        return result;
    }

    private static Room map(ResultSet rs, int n) throws SQLException {
        return new Room(rs.getString("incident_id"), Platform.fromId(rs.getString("platform")), rs.getString("group_key"),
                rs.getString("name"), rs.getString("channel_id"), rs.getString("topic"),
                Room.State.valueOf(rs.getString("state")), rs.getString("error"), rs.getTimestamp("settled_at") != null);
    }
}
