package io.warroom.check.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Check runs and results (tables {@code check_run}, {@code check_result}, {@code check_failure}). */
@Repository
class CheckRunRepository {

    /** A stored run. */
    record Run(long id, String publicId, String listId, String onlyCheck, String trigger, Instant finishedAt) {
    }

    /** A stored result of one check. */
    record Result(String listId, String checkId, boolean ok, Verdict verdict, Instant at) {
    }

    /** A check failing now with its own thread. */
    record Failure(String listId, String checkId, Instant failingSince, String threadKey) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CheckRunRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insertRun(String publicId, String listId, String onlyCheck, String trigger, Instant slot, String by,
                   Instant started, Instant finished, int passed, int failed) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into check_run (public_id, list_id, only_check, trigger_kind, slot_at, requested_by, started_at,
                    finished_at, passed, failed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(publicId, listId, onlyCheck, trigger, slot == null ? null : ts(slot), by, ts(started), ts(finished),
                        passed, failed)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertResult(long runId, int position, String checkId, Verdict v) {
        jdbc.sql("insert into check_result (run_id, position, check_id, ok, verdict_key, verdict_args) values (?, ?, ?, ?, ?, ?)")
                .params(runId, position, checkId, v.ok(), v.key(), write(v.args())).update();
    }

    Optional<Run> run(String publicId) {
        return jdbc.sql("select * from check_run where public_id = ?").param(publicId)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("public_id"), rs.getString("list_id"),
                        rs.getString("only_check"), rs.getString("trigger_kind"), instant(rs, "finished_at")))
                .optional();
    }

    List<Result> failedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                select r.list_id, x.check_id, x.ok, x.verdict_key, x.verdict_args, r.finished_at
                from check_result x join check_run r on r.id = x.run_id
                where not x.ok and r.finished_at >= ? and r.finished_at < ?
                order by r.finished_at, r.id, x.position""")
                .params(ts(from), ts(to)).query(this::result).list();
    }

    Optional<Failure> failure(String listId, String checkId) {
        return jdbc.sql("select * from check_failure where list_id = ? and check_id = ? for update").params(listId, checkId)
                .query((rs, n) -> new Failure(rs.getString("list_id"), rs.getString("check_id"),
                        instant(rs, "failing_since"), rs.getString("thread_key"))).optional();
    }

    /** @return false when another run opened it first (the caller then replies in that thread) */
    boolean openFailure(String listId, String checkId, Instant since, String threadKey) {
        return jdbc.sql("insert into check_failure (list_id, check_id, failing_since, thread_key) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(listId, checkId, ts(since), threadKey).update() == 1;
    }

    boolean closeFailure(String listId, String checkId, String threadKey) {
        return jdbc.sql("delete from check_failure where list_id = ? and check_id = ? and thread_key = ?")
                .params(listId, checkId, threadKey).update() == 1;
    }

    private Result result(ResultSet rs, int n) throws SQLException {
        return new Result(rs.getString("list_id"), rs.getString("check_id"), rs.getBoolean("ok"),
                new Verdict(rs.getBoolean("ok"), rs.getString("verdict_key"), read(rs.getString("verdict_args"))),
                instant(rs, "finished_at"));
    }

    private String write(List<String> args) {
        try {
            return json.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String args) {
        try {
            return json.readValue(args, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored verdict arguments are unreadable", e);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
