package io.warroom.handoff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Handoffs (table {@code handoff}); every change is conditional on the state it expects. */
@Repository
class HandoffRepository {

    private final JdbcClient jdbc;

    HandoffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this handover already has its handoff (another replica, or an earlier command) */
    boolean insert(String publicId, Handover h, Instant shiftStart, Instant now) {
        return jdbc.sql("""
                insert into handoff (public_id, handover_at, outgoing, outgoing_role, incoming, incoming_role, shift_start,
                    state, created_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""")
                .params(publicId, ts(h.at()), h.outgoing().id(), h.outgoingRole(), h.incoming().id(), h.incomingRole(),
                        ts(shiftStart), ts(now)).update() == 1;
    }

    Optional<Handoff> of(Handover h) {
        return jdbc.sql("select * from handoff where handover_at = ? and outgoing = ? and incoming = ?")
                .params(ts(h.at()), h.outgoing().id(), h.incoming().id()).query(this::map).optional();
    }

    Optional<Handoff> find(String publicId) {
        return jdbc.sql("select * from handoff where public_id = ?").param(publicId).query(this::map).optional();
    }

    /** Locks the handoff for the rest of the transaction: submissions and clicks on it happen one at a time. */
    Optional<Handoff> lock(String publicId) {
        return jdbc.sql("select * from handoff where public_id = ? for update").param(publicId).query(this::map).optional();
    }

    /** Handoffs of handovers in [from, to) still waiting for their engineers, for {@code /warroom handoff}. */
    List<Handoff> unacknowledged(Instant from, Instant to) {
        return jdbc.sql("select * from handoff where handover_at >= ? and handover_at < ? and state <> 'ACKNOWLEDGED' "
                        + "order by handover_at").params(ts(from), ts(to)).query(this::map).list();
    }

    List<Handoff> latest(int n) {
        return jdbc.sql("select * from handoff order by handover_at desc, id desc limit ?").param(n).query(this::map).list();
    }

    /** Records the form; the first submission moves OPEN to SUBMITTED, later ones count as edits. */
    boolean submit(long id, Handoff.Values v, String by, Instant at) {
        return jdbc.sql("""
                update handoff set services_ok = ?, no_alerts = ?, no_major_event = ?, open_items = ?, recent_changes = ?,
                    notes = ?, submitted_by = ?, submitted_at = ?,
                    edits = case when state = 'OPEN' then 0 else edits + 1 end, state = 'SUBMITTED'
                where id = ? and state in ('OPEN', 'SUBMITTED')""")
                .params(v.servicesOk(), v.noAlerts(), v.noMajorEvent(), v.openItems(), v.recentChanges(), v.notes(), by,
                        ts(at), id).update() == 1;
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.sql("update handoff set state = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ? "
                        + "where id = ? and state = 'SUBMITTED'").params(by, ts(at), id).update() == 1;
    }

    private Handoff map(ResultSet rs, int n) throws SQLException {
        Handoff.State state = Handoff.State.valueOf(rs.getString("state"));
        Handoff.Values values = rs.getObject("services_ok") == null ? null
                : new Handoff.Values(rs.getBoolean("services_ok"), rs.getBoolean("no_alerts"), rs.getBoolean("no_major_event"),
                        rs.getString("open_items"), rs.getString("recent_changes"), rs.getString("notes"));
        return new Handoff(rs.getLong("id"), rs.getString("public_id"), instant(rs, "handover_at"), rs.getString("outgoing"),
                rs.getString("outgoing_role"), rs.getString("incoming"), rs.getString("incoming_role"),
                instant(rs, "shift_start"), state, values, rs.getInt("edits"), rs.getString("submitted_by"),
                instant(rs, "submitted_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
