package io.warroom.alert.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of alert groups and alerts. Changes to a group happen with its row locked ({@link #lock}). */
@Repository
public class AlertRepository {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final ObjectMapper json;

    AlertRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** Creates the group unless it exists; true when this call created it. */
    boolean createIfAbsent(Notification n, String keyHash, String routeId, Instant now) {
        return jdbc.sql("""
                insert into alert_group (source, group_key_hash, group_key, receiver, route_id, group_labels,
                    common_labels, common_annotations, external_url, status, severity, episode, episode_started,
                    first_seen, last_change)
                values (:source, :hash, :key, :receiver, :route, :gl, :cl, :ca, :url, 'NEW', 'none', 0, :now, :now, :now)
                on conflict do nothing""")
                .param("source", n.source()).param("hash", keyHash).param("key", n.groupKey())
                .param("receiver", n.receiver()).param("route", routeId).param("gl", write(n.groupLabels()))
                .param("cl", write(n.commonLabels())).param("ca", write(n.commonAnnotations()))
                .param("url", n.externalUrl()).param("now", ts(now)).update() == 1;
    }

    /** The group row, locked until the transaction ends: one notification or click at a time per group. */
    Optional<AlertGroup> lock(String source, String keyHash) {
        return jdbc.sql("select * from alert_group where source = ? and group_key_hash = ? for update")
                .params(source, keyHash).query(this::group).optional();
    }

    public Optional<AlertGroup> lock(long id) {
        return jdbc.sql("select * from alert_group where id = ? for update").param(id).query(this::group).optional();
    }

    public Optional<AlertGroup> find(long id) {
        return jdbc.sql("select * from alert_group where id = ?").param(id).query(this::group).optional();
    }

    public List<AlertGroup> firing() {
        return jdbc.sql("select * from alert_group where status = 'FIRING' order by last_change desc limit 500")
                .query(this::group).list();
    }

    /** The groups a storm digest summarises, in one query. */
    public List<AlertGroup> ofStorm(long stormId) {
        return jdbc.sql("select g.* from alert_group g join alert_thread t on t.group_id = g.id where t.storm_id = ?")
                .param(stormId).query(this::group).list();
    }

    /** Firing groups that have a place (root or digest line) in this channel. */
    public List<AlertGroup> firingIn(String platform, String channel) {
        return jdbc.sql("""
                select g.* from alert_group g join alert_thread t on t.group_id = g.id
                where t.platform = ? and t.channel = ? and g.status = 'FIRING' order by g.last_change desc limit 500""")
                .params(platform, channel).query(this::group).list();
    }

    public List<AlertGroup> silencedAt(Instant now) {
        return jdbc.sql("select * from alert_group where silenced_until > ? order by silenced_until").param(ts(now))
                .query(this::group).list();
    }

    public List<AlertGroup> silencesEnding(Instant from, Instant to) {
        return jdbc.sql("select * from alert_group where silenced_until >= ? and silenced_until < ? order by silenced_until")
                .params(ts(from), ts(to)).query(this::group).list();
    }

    Map<String, StoredAlert> alerts(long groupId) {
        Map<String, StoredAlert> byFingerprint = new HashMap<>();
        jdbc.sql("select * from alert where group_id = ?").param(groupId).query(this::alert).list()
                .forEach(a -> byFingerprint.put(a.fingerprint(), a));
        return byFingerprint;
    }

    public List<StoredAlert> alertsOf(long groupId, int limit) {
        return jdbc.sql("select * from alert where group_id = ? order by status, starts_at, id limit ?")
                .params(groupId, limit).query(this::alert).list();
    }

    /**
     * Records reported states in one batch; for each, whether it was new (false: this exact state was seen
     * before — a re-send or an HA twin).
     */
    boolean[] recordStates(long groupId, List<String> keys, List<Notification.AlertState> states, boolean[] applied,
                           Instant now) {
        List<Object[]> rows = new java.util.ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            var a = states.get(i);
            rows.add(new Object[] {keys.get(i), groupId, a.fingerprint(), a.status().name(), ts(a.startsAt()),
                    ts(a.endsAt()), applied[i], ts(now)});
        }
        int[] counts = batch.batchUpdate("""
                insert into alert_state_change (dedupe_key, group_id, fingerprint, status, starts_at, ends_at, applied,
                    received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rows);
        boolean[] fresh = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fresh[i] = counts[i] == 1;
        }
        return fresh;
    }

    /** Stores new alerts and moves known ones to their reported state, in two batches. */
    void saveAlerts(long groupId, List<Notification.AlertState> fresh, List<Map.Entry<StoredAlert, Notification.AlertState>> moved,
                    Instant now) {
        if (!fresh.isEmpty()) {
            batch.batchUpdate("""
                    insert into alert (group_id, fingerprint, status, severity, labels, annotations, starts_at, ends_at,
                        generator_url, first_seen, last_change) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    fresh.stream().map(a -> new Object[] {groupId, a.fingerprint(), a.status().name(), severity(a), write(a.labels()),
                            write(a.annotations()), ts(a.startsAt()), ts(a.endsAt()), a.generatorUrl(), ts(now), ts(now)}).toList());
        }
        if (!moved.isEmpty()) {
            batch.batchUpdate("""
                    update alert set status = ?, severity = ?, labels = ?, annotations = ?, starts_at = ?, ends_at = ?,
                        generator_url = ?, last_change = ? where id = ?""",
                    moved.stream().map(e -> {
                        var a = e.getValue();
                        return new Object[] {a.status().name(), severity(a), write(a.labels()), write(a.annotations()), ts(a.startsAt()),
                                ts(a.endsAt()), a.generatorUrl(), ts(now), e.getKey().id()};
                    }).toList());
        }
    }

    private static String severity(Notification.AlertState a) {
        String sev = a.labels().getOrDefault("severity", "none");
        return sev.length() > 40 ? sev.substring(0, 40) : sev;
    }

    record Counts(int firing, int resolved, String severity) {
    }

    /** Firing and resolved alerts of the group, and the highest severity among the firing ones (else all). */
    Counts counts(long groupId) {
        int firing = 0;
        int resolved = 0;
        String topFiring = null;
        String topAny = null;
        for (var row : jdbc.sql("select status, severity, count(*) as n from alert where group_id = ? group by status, severity")
                .param(groupId).query().listOfRows()) {
            boolean isFiring = "FIRING".equals(row.get("status"));
            int n = ((Number) row.get("n")).intValue();
            String severity = (String) row.get("severity");
            if (isFiring) {
                firing += n;
                topFiring = higher(topFiring, severity);
            } else {
                resolved += n;
            }
            topAny = higher(topAny, severity);
        }
        return new Counts(firing, resolved, topFiring != null ? topFiring : topAny == null ? "none" : topAny);
    }

    private static String higher(String a, String b) {
        return a == null || AlertGroup.Severity.rank(b) > AlertGroup.Severity.rank(a) ? b : a;
    }

    /** Alertmanager's view of the group after a notification. */
    void saveState(long id, Notification n, boolean firing, Counts c, int episode, Instant episodeStarted,
                   boolean resetResponses, Instant resolvedAt, Instant now) {
        jdbc.sql("""
                update alert_group set receiver = :receiver, group_labels = :gl, common_labels = :cl,
                    common_annotations = :ca, external_url = coalesce(:url, external_url), status = :status,
                    severity = :severity, firing = :firing, resolved = :resolved, truncated = :truncated,
                    episode = :episode, episode_started = :started, last_change = :now, resolved_at = :resolvedAt,
                    acked_by = case when :reset then null else acked_by end,
                    acked_at = case when :reset then null else acked_at end,
                    handled_by = case when :reset then null else handled_by end,
                    handled_at = case when :reset then null else handled_at end
                where id = :id""")
                .param("receiver", n.receiver()).param("gl", write(n.groupLabels())).param("cl", write(n.commonLabels()))
                .param("ca", write(n.commonAnnotations())).param("url", n.externalUrl())
                .param("status", firing ? "FIRING" : "RESOLVED").param("severity", c.severity())
                .param("firing", c.firing()).param("resolved", c.resolved()).param("truncated", n.truncatedAlerts())
                .param("episode", episode).param("started", ts(episodeStarted)).param("now", ts(now))
                .param("resolvedAt", ts(resolvedAt)).param("reset", resetResponses).param("id", id).update();
    }

    void acknowledge(long id, String person, Instant at) {
        jdbc.sql("update alert_group set acked_by = ?, acked_at = ? where id = ?").params(person, ts(at), id).update();
    }

    void handle(long id, String person, Instant at) {
        jdbc.sql("update alert_group set handled_by = ?, handled_at = ? where id = ?").params(person, ts(at), id).update();
    }

    void silence(long id, String silenceId, String person, Instant until) {
        jdbc.sql("update alert_group set silence_id = ?, silenced_by = ?, silenced_until = ? where id = ?")
                .params(silenceId, person, ts(until), id).update();
    }

    /** The change history of a group, newest first. */
    public List<Map<String, Object>> history(long groupId, int limit) {
        return jdbc.sql("""
                select c.fingerprint, c.status, c.starts_at, c.ends_at, c.applied, c.received_at, a.labels
                from alert_state_change c left join alert a on a.group_id = c.group_id and a.fingerprint = c.fingerprint
                where c.group_id = ? order by c.id desc limit ?""")
                .params(groupId, limit).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("fingerprint", rs.getString("fingerprint"));
                    m.put("status", rs.getString("status"));
                    m.put("receivedAt", instant(rs, "received_at"));
                    m.put("applied", rs.getBoolean("applied"));
                    m.put("labels", rs.getString("labels") == null ? Map.of() : read(rs.getString("labels")));
                    return m;
                }).list();
    }

    private AlertGroup group(ResultSet rs, int n) throws SQLException {
        return new AlertGroup(rs.getLong("id"), rs.getString("source"), rs.getString("group_key"),
                rs.getString("receiver"), rs.getString("route_id"), read(rs.getString("group_labels")),
                read(rs.getString("common_labels")), read(rs.getString("common_annotations")),
                rs.getString("external_url"), "FIRING".equals(rs.getString("status")), rs.getString("severity"),
                rs.getInt("firing"), rs.getInt("resolved"), rs.getInt("truncated"), rs.getInt("episode"),
                instant(rs, "episode_started"), rs.getString("acked_by"), instant(rs, "acked_at"),
                rs.getString("handled_by"), instant(rs, "handled_at"), rs.getString("silence_id"),
                rs.getString("silenced_by"), instant(rs, "silenced_until"), instant(rs, "first_seen"),
                instant(rs, "last_change"), instant(rs, "resolved_at"));
    }

    private StoredAlert alert(ResultSet rs, int n) throws SQLException {
        return new StoredAlert(rs.getLong("id"), rs.getString("fingerprint"),
                Notification.Status.valueOf(rs.getString("status")), read(rs.getString("labels")),
                read(rs.getString("annotations")), instant(rs, "starts_at"), instant(rs, "ends_at"),
                rs.getString("generator_url"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map == null ? Map.of() : map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable labels", e);
        }
    }
}
