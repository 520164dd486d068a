package io.warroom.schedule.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcTasks implements Tasks {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TaskWakeup wakeup;

    JdbcTasks(JdbcClient jdbc, ObjectMapper json, Clock clock, TaskWakeup wakeup) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.wakeup = wakeup;
    }

    @Override
    @Transactional
    public boolean schedule(String key, String kind, Instant dueAt, Map<String, String> data) {
        if (key == null || key.isBlank() || key.length() > 300) {
            throw new IllegalArgumentException("task key must be 1 to 300 characters");
        }
        boolean added = jdbc.sql("""
                insert into scheduled_task (task_key, kind, data, due_at, state, attempts, created_at)
                values (?, ?, ?, ?, 'PENDING', 0, ?) on conflict do nothing""")
                .params(key, kind, write(data), ts(dueAt), ts(clock.instant())).update() == 1;
        if (added && !dueAt.isAfter(clock.instant())) {
            wakeup.afterCommit();
        }
        return added;
    }

    @Override
    @Transactional
    public int cancel(String keyPrefix) {
        String pattern = keyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                update scheduled_task set state = 'CANCELLED', finished_at = ?
                where task_key like ? escape '\\' and state = 'PENDING'""")
                .params(ts(clock.instant()), pattern).update();
    }

    @Override
    public boolean exists(String key) {
        return jdbc.sql("select count(*) from scheduled_task where task_key = ?").param(key)
                .query(Long.class).single() > 0;
    }

    private String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(new TreeMap<>(data == null ? Map.of() : data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
