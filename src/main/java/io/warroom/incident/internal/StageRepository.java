package io.warroom.incident.internal;

import static io.warroom.incident.internal.Db.instant;
import static io.warroom.incident.internal.Db.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checklist's stages of each incident. Starting and completing are conditional: each happens once. */
@Repository
class StageRepository {

    record StageRow(String stageId, int position, Instant startedAt, Instant doneAt, String doneBy, String doneHow) {
        boolean done() {
            return doneAt != null;
        }
    }

    private final JdbcClient jdbc;

    StageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the incident already has its stages (a checklist is started once) */
    boolean insert(String incidentId, List<String> stageIds) {
        if (!all(incidentId).isEmpty()) {
            return false;
        }
        for (int i = 0; i < stageIds.size(); i++) {
            jdbc.sql("insert into incident_stage (incident_id, stage_id, position) values (?, ?, ?) on conflict do nothing")
                    .params(incidentId, stageIds.get(i), i + 1).update();
        }
        return true;
    }

    List<StageRow> all(String incidentId) {
        return jdbc.sql("select * from incident_stage where incident_id = ? order by position").param(incidentId)
                .query((rs, n) -> new StageRow(rs.getString("stage_id"), rs.getInt("position"), instant(rs, "started_at"),
                        instant(rs, "done_at"), rs.getString("done_by"), rs.getString("done_how"))).list();
    }

    boolean start(String incidentId, String stageId, Instant at) {
        return jdbc.sql("update incident_stage set started_at = ? where incident_id = ? and stage_id = ? and started_at is null")
                .params(ts(at), incidentId, stageId).update() == 1;
    }

    /** {@code startedIfUnset}: a stage done before its turn counts from when the stage then current started. */
    boolean complete(String incidentId, String stageId, Instant at, String by, String how, Instant startedIfUnset) {
        return jdbc.sql("""
                update incident_stage set done_at = ?, done_by = ?, done_how = ?, started_at = coalesce(started_at, ?)
                where incident_id = ? and stage_id = ? and done_at is null""")
                .params(ts(at), by, how, ts(startedIfUnset), incidentId, stageId).update() == 1;
    }
}
