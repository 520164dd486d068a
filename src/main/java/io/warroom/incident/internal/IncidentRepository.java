package io.warroom.incident.internal;

import static io.warroom.incident.internal.Db.instant;
import static io.warroom.incident.internal.Db.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import io.warroom.incident.IncidentStatus;
import io.warroom.incident.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of incidents, their roles, participants and alert links. State changes are conditional where it matters. */
@Repository
class IncidentRepository {

    private static final String OPEN = "status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING')";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    IncidentRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the day's counter row for the rest of the transaction (creating it on first use): declarations of
     * one day happen one at a time, across replicas. Returns the last number used.
     */
    int lockDay(String day) {
        jdbc.sql("insert into incident_counter (day_key, last_seq) values (?, 0) on conflict do nothing").param(day).update();
        return jdbc.sql("select last_seq from incident_counter where day_key = ? for update").param(day)
                .query(Integer.class).single();
    }

    void useNumber(String day, int seq) {
        jdbc.sql("update incident_counter set last_seq = ? where day_key = ?").params(seq, day).update();
    }

    Optional<Incident> byDeclareKey(String key) {
        return jdbc.sql("select * from incident where declare_key = ?").param(key).query(this::map).optional();
    }

    /** An open incident the same person declared with the same title lately: typing it twice declares once. */
    Optional<Incident> recentTwin(String declaredBy, String title, Instant since, Instant now) {
        return jdbc.sql("select * from incident where declared_by = ? and lower(title) = lower(?) and started_at between ? and ? and "
                        + OPEN + " order by started_at desc limit 1")
                .params(declaredBy, title, ts(since), ts(now)).query(this::map).optional();
    }

    void insert(Incident i, String declareKey) {
        jdbc.sql("""
                insert into incident (id, severity, title, service, namespace, labels, status, declared_by, declare_key,
                    origin_platform, origin_channel, origin_thread, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id(), i.severity().name(), i.title(), i.service(), i.namespace(), write(i.labels()),
                        i.status().name(), i.declaredBy(), declareKey, i.origin().platform().id(), i.origin().channel(),
                        i.origin().thread(), ts(i.startedAt()))
                .update();
    }

    Optional<Incident> find(String id) {
        return jdbc.sql("select * from incident where id = ?").param(id).query(this::map).optional();
    }

    /** Locks the incident's row: changes to one incident happen one at a time. */
    Optional<Incident> lock(String id) {
        return jdbc.sql("select * from incident where id = ? for update").param(id).query(this::map).optional();
    }

    List<Incident> open() {
        return jdbc.sql("select * from incident where " + OPEN + " order by severity, started_at").query(this::map).list();
    }

    /** Incidents declared in this channel that are not closed yet, newest first. */
    List<Incident> notClosedFrom(Platform platform, String channel) {
        return jdbc.sql("select * from incident where origin_platform = ? and origin_channel = ? and status <> 'CLOSED' "
                        + "order by started_at desc")
                .params(platform.id(), channel).query(this::map).list();
    }

    void setStatus(String id, IncidentStatus status, String text, String by, Instant at) {
        String stamp = switch (status) {
            case IDENTIFIED -> ", identified_at = coalesce(identified_at, :at)";
            case MONITORING -> ", mitigated_at = coalesce(mitigated_at, :at)";
            case RESOLVED -> ", resolved_at = :at, mitigated_at = coalesce(mitigated_at, :at)";
            case CLOSED -> ", closed_at = :at";
            default -> "";
        };
        String latest = text == null ? "" : ", latest_status = :text, latest_status_by = :by, latest_status_at = :at";
        jdbc.sql("update incident set status = :status" + stamp + latest + " where id = :id")
                .param("status", status.name()).param("at", ts(at)).param("text", text).param("by", by).param("id", id)
                .update();
    }

    void setSeverity(String id, Severity severity) {
        jdbc.sql("update incident set severity = ? where id = ?").params(severity.name(), id).update();
    }

    void setService(String id, String service, String namespace) {
        jdbc.sql("update incident set service = ?, namespace = ? where id = ?").params(service, namespace, id).update();
    }

    Map<String, String> roles(String id) {
        Map<String, String> roles = new TreeMap<>();
        jdbc.sql("select role, person_id from incident_role where incident_id = ?").param(id)
                .query((rs, n) -> roles.put(rs.getString(1), rs.getString(2))).list();
        return roles;
    }

    void setRole(String id, String role, String person, Instant at) {
        int n = jdbc.sql("update incident_role set person_id = ?, assigned_at = ? where incident_id = ? and role = ?")
                .params(person, ts(at), id, role).update();
        if (n == 0) {
            jdbc.sql("insert into incident_role (incident_id, role, person_id, assigned_at) values (?, ?, ?, ?)")
                    .params(id, role, person, ts(at)).update();
        }
    }

    /** @return true when the person was not a participant yet */
    boolean addParticipant(String id, String person, String reason, Instant at) {
        return jdbc.sql("""
                insert into incident_participant (incident_id, person_id, reason, added_at) values (?, ?, ?, ?)
                on conflict do nothing""").params(id, person, reason, ts(at)).update() == 1;
    }

    /** Participants in the order they joined, with why. */
    Map<String, String> participants(String id) {
        Map<String, String> people = new LinkedHashMap<>();
        jdbc.sql("select person_id, reason from incident_participant where incident_id = ? order by added_at, person_id")
                .param(id).query((rs, n) -> people.put(rs.getString(1), rs.getString(2))).list();
        return people;
    }

    /** @return true when the group was not linked yet */
    boolean linkAlert(String id, String alertGroup, Instant at) {
        return jdbc.sql("insert into incident_alert (incident_id, alert_group, linked_at) values (?, ?, ?) on conflict do nothing")
                .params(id, alertGroup, ts(at)).update() == 1;
    }

    /** The incidents an alert group is linked to, latest first. */
    List<String> incidentsOfAlert(String alertGroup) {
        return jdbc.sql("select incident_id from incident_alert where alert_group = ? order by linked_at desc")
                .param(alertGroup).query(String.class).list();
    }

    List<String> alerts(String id) {
        return jdbc.sql("select alert_group from incident_alert where incident_id = ? order by linked_at, alert_group")
                .param(id).query(String.class).list();
    }

    private Incident map(ResultSet rs, int n) throws SQLException {
        Platform platform = Platform.fromId(rs.getString("origin_platform"));
        return new Incident(rs.getString("id"), Severity.valueOf(rs.getString("severity")), rs.getString("title"),
                rs.getString("service"), rs.getString("namespace"), read(rs.getString("labels")),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("declared_by"),
                new Conversation(platform, rs.getString("origin_channel"), rs.getString("origin_thread")),
                rs.getString("latest_status"), rs.getString("latest_status_by"), instant(rs, "latest_status_at"),
                instant(rs, "started_at"), instant(rs, "identified_at"), instant(rs, "mitigated_at"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"));
    }

    private String write(Map<String, String> labels) {
        try {
            return json.writeValueAsString(new TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, String> read(String labels) {
        try {
            return json.readValue(labels, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable labels", e);
        }
    }
}
