package io.warroom.slack.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The Slack adapter's own rows: channels it created (by idempotency key) and forms waiting to be opened. */
@Component
@OnSlack
class SlackStore {

    static final Duration KEEP_FORMS = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final Clock clock;

    SlackStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> groupFor(String idempotencyKey) {
        return jdbc.sql("select channel_id from slack_group where idempotency_key = ?").param(idempotencyKey)
                .query(String.class).optional();
    }

    Optional<String> keyOfGroup(String channelId) {
        return jdbc.sql("select idempotency_key from slack_group where channel_id = ?").param(channelId)
                .query(String.class).optional();
    }

    void saveGroup(String idempotencyKey, String channelId, String name) {
        jdbc.sql("insert into slack_group (idempotency_key, channel_id, name, created_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(idempotencyKey, channelId, name, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    void saveForm(String id, String userId, String viewJson) {
        jdbc.sql("insert into slack_pending_form (id, user_id, view_json, created_at) values (?, ?, ?, ?)")
                .params(id, userId, viewJson, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /** The stored modal, if it exists and belongs to {@code userId}. */
    Optional<String> form(String id, String userId) {
        return jdbc.sql("select view_json from slack_pending_form where id = ? and user_id = ?")
                .params(id, userId).query(String.class).optional();
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void forgetOldForms() {
        jdbc.sql("delete from slack_pending_form where created_at < ?")
                .param(clock.instant().minus(KEEP_FORMS).atOffset(ZoneOffset.UTC)).update();
    }
}
