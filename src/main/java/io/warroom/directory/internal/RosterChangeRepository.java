package io.warroom.directory.internal;

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

/** The changes made to the roster from chat (tables {@code roster_change}, {@code roster_assignment}). */
@Repository
class RosterChangeRepository {

    /** A stored change without its assignments. */
    record ChangeRow(long id, String kind, String reason, String createdBy, Instant createdAt, Instant cancelledAt) {
    }

    private static final String ASSIGNMENTS = """
            select a.change_id, c.kind, a.role, a.person_id, a.starts_at, a.ends_at, c.reason, c.cancelled_at
            from roster_assignment a join roster_change c on c.id = a.change_id
            """;

    private final JdbcClient jdbc;

    RosterChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises changes across replicas until the transaction ends. */
    void lock() {
        jdbc.sql("select name from roster_lock where name = 'roster' for update").query(String.class).single();
    }

    /** Assignments in effect at some point of [from, to), in precedence order (later changes last). */
    List<Assignment> overlapping(Instant from, Instant to) {
        return jdbc.sql(ASSIGNMENTS + """
                where a.starts_at < :to and a.ends_at > :from
                  and (c.cancelled_at is null or (c.cancelled_at > a.starts_at and c.cancelled_at > :from))
                order by a.change_id, a.id""")
                .param("from", ts(from)).param("to", ts(to))
                .query(this::mapAssignment).list();
    }

    List<Assignment> assignments(long changeId) {
        return jdbc.sql(ASSIGNMENTS + " where a.change_id = ? order by a.starts_at, a.id").param(changeId)
                .query(this::mapAssignment).list();
    }

    long insertChange(String kind, String reason, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into roster_change (kind, reason, created_by, created_at) values (?, ?, ?, ?)")
                .params(kind, reason, by, ts(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertAssignment(long changeId, String role, String person, Instant from, Instant to) {
        jdbc.sql("insert into roster_assignment (change_id, role, person_id, starts_at, ends_at) values (?, ?, ?, ?, ?)")
                .params(changeId, role, person, ts(from), ts(to)).update();
    }

    Optional<ChangeRow> change(long id) {
        return jdbc.sql("select * from roster_change where id = ?").param(id).query(this::mapChange).optional();
    }

    /** @return true for the one caller that cancelled it */
    boolean cancel(long id, String by, Instant at) {
        return jdbc.sql("update roster_change set cancelled_at = ?, cancelled_by = ? where id = ? and cancelled_at is null")
                .params(ts(at), by, id).update() == 1;
    }

    /** Changes not cancelled with an assignment still to end after {@code now}, by first start. */
    List<ChangeRow> upcoming(Instant now) {
        return jdbc.sql("""
                select c.* from roster_change c
                where c.cancelled_at is null
                  and exists (select 1 from roster_assignment a where a.change_id = c.id and a.ends_at > ?)
                order by (select min(a.starts_at) from roster_assignment a where a.change_id = c.id), c.id""")
                .param(ts(now)).query(this::mapChange).list();
    }

    private Assignment mapAssignment(ResultSet rs, int n) throws SQLException {
        Instant to = instant(rs, "ends_at");
        Instant cancelled = instant(rs, "cancelled_at");
        if (cancelled != null && cancelled.isBefore(to)) {
            to = cancelled;
        }
        return new Assignment(rs.getLong("change_id"), kind(rs.getString("kind")), rs.getString("role"),
                rs.getString("person_id"), instant(rs, "starts_at"), to, rs.getString("reason"));
    }

    private ChangeRow mapChange(ResultSet rs, int n) throws SQLException {
        return new ChangeRow(rs.getLong("id"), kind(rs.getString("kind")), rs.getString("reason"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "cancelled_at"));
    }

    /** Stored upper case (OVERRIDE, SWAP); shifts name their source in lower case. */
    private static String kind(String stored) {
        return stored.toLowerCase(java.util.Locale.ROOT);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
