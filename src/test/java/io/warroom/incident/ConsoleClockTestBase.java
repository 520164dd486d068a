package io.warroom.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.schedule.internal.RunTasksForTests;
import io.warroom.support.ControllableClock;
import io.warroom.support.MutableClock;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application on the console alone (no Slack, no Feishu), with the real runbook catalog against the
 * sandbox cluster, a clock the test moves, and the outbox and the timers run by hand. Subclasses share the
 * context: each works on its own day, so its incident is that day's first ({@code INC-<day>-01}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:incident-clock;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.delivery.paused=true", "warroom.schedule.paused=true",
        "warroom.directory.roster=classpath:rosters/incident-roster.yaml"})
@Import({ControllableClock.class, DrainForTests.class, RunTasksForTests.class})
abstract class ConsoleClockTestBase {

    @Autowired MutableClock clock;
    @Autowired Commands commands;
    @Autowired ActionRouter actions;
    @Autowired DrainForTests outbox;
    @Autowired RunTasksForTests tasks;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    /**
     * Each test sets the clock to its own day, which may be earlier than the last test's: rate-limit buckets
     * and retry times kept from a later clock would hold the outbox back, so they start afresh.
     */
    @org.junit.jupiter.api.BeforeEach
    void forgetLaterClocks() {
        jdbc.sql("delete from rate_bucket").update();
        jdbc.sql("update outbox set state = 'FAILED' where state in ('PENDING', 'SENDING')").update();
    }

    void say(String channel, String person, String text) {
        commands.handle(new InboundCommand(Conversation.of(Platform.CONSOLE, channel), new Actor(Platform.CONSOLE, person, person), text));
        settle();
    }

    /** Sends what is queued and runs what is due now (a new room's follow-ups are a task), until both are done. */
    void settle() {
        outbox.drain();
        while (tasks.runDue() > 0) {
            outbox.drain();
        }
    }

    ActionOutcome click(String channel, String person, String actionId, String value) {
        ActionOutcome o = actions.route(new InboundAction(Conversation.of(Platform.CONSOLE, channel),
                new Actor(Platform.CONSOLE, person, person), actionId, value, null));
        settle();
        return o;
    }

    ActionOutcome submit(String channel, String person, String formId, Map<String, String> values) {
        ActionOutcome o = actions.route(new InboundAction(Conversation.of(Platform.CONSOLE, channel),
                new Actor(Platform.CONSOLE, person, person), formId, "", values));
        settle();
        return o;
    }

    /** What Warroom posted in a console channel, as messages (latest version of each), oldest first. */
    List<OutboundMessage> botMessages(String channel) {
        return jdbc.sql("select body from console_message where channel = ? and author = 'warroom' order by id")
                .param(channel).query(String.class).list().stream().map(this::parse).toList();
    }

    private OutboundMessage parse(String body) {
        try {
            return json.readValue(body, OutboundMessage.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> kinds(String stream) {
        return timeline.entries(stream).stream().map(TimelineEntry::kind).toList();
    }

    /** The console channel of the incident's war room. */
    String room(String incidentId) {
        return jdbc.sql("select channel_id from incident_room where incident_id = ? and platform = 'console'")
                .param(incidentId).query(String.class).single();
    }
}
