package io.warroom.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.schedule.internal.RunTasksForTests;
import io.warroom.support.AlertPayloads;
import io.warroom.support.ControllableClock;
import io.warroom.support.FakeGateway;
import io.warroom.support.H2Test;
import io.warroom.support.MutableClock;
import io.warroom.timeline.Timeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deadlines and the escalation chain against a clock the test moves: order, timing, ack and silence stop it. */
@H2Test
@Import(ControllableClock.class)
// Its own database: the moved clock writes rate-limit and task times other contexts must not inherit.
@org.springframework.test.context.TestPropertySource(properties =
        "spring.datasource.url=jdbc:h2:mem:escalation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class EscalationTest {

    /** Monday 10:00 in Shanghai: the day rotation (oncall-primary) is on duty. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T02:00:00Z");

    @Autowired MutableClock clock;
    @Autowired AlertIntake intake;
    @Autowired RunTasksForTests tasks;
    @Autowired DrainForTests outbox;
    @Autowired FakeGateway slack;
    @Autowired Directory directory;
    @Autowired Timeline timeline;
    @Autowired ActionRouter actions;
    @Autowired JdbcClient jdbc;

    private static int week;

    /** A Monday morning a week after the last test's: time only moves forward (rate limits remember it). */
    @BeforeEach
    void monday() {
        clock.set(MONDAY_MORNING.plus(Duration.ofDays(7L * ++week)));
    }

    private String fire(String channel, String service, String severity) {
        String json = AlertPayloads.group("ServiceDown", "test", channel, "service", service).common("severity", severity)
                .firing("aa", service + "-1", clock.instant()).json();
        return intake.receive(PayloadDecoder.decode("alertmanager", json.getBytes(StandardCharsets.UTF_8))).groupId();
    }

    private void advance(Duration d) {
        clock.advance(d);
        tasks.runDue();
    }

    /** The escalation replies sent so far: each as the names it mentions. */
    private List<List<String>> mentions(String channel) {
        return escalations(channel).stream().map(m -> m.mentions().stream().map(OutboundMessage.Mention::name).toList()).toList();
    }

    private List<OutboundMessage> escalations(String channel) {
        // The outbox's rate limits follow the clock: let a little time pass so every queued reply goes out.
        for (int i = 0; i < 20; i++) {
            outbox.drain();
            if (jdbc.sql("select count(*) from outbox where channel = ? and state = 'PENDING'").param(channel)
                    .query(Long.class).single() == 0) {
                break;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        return slack.calls(channel).stream().map(FakeGateway.Call::message)
                .filter(m -> m != null && m.tone() == OutboundMessage.Tone.DANGER && m.header() == null).toList();
    }

    private String name(String role) {
        return directory.withRole(role, clock.instant()).stream().map(Person::name).findFirst().orElseThrow();
    }

    @Test
    void aCriticalGroupNobodyAcksEscalatesAlongTheChainOnceEachStep() {
        String id = fire("t11", "payments", "critical");
        advance(Duration.ofMinutes(4));
        assertThat(mentions("CT11")).as("before the 5 minute deadline").isEmpty();
        advance(Duration.ofMinutes(2));
        assertThat(mentions("CT11")).containsExactly(List.of(name("oncall-primary")));
        tasks.runDue();
        assertThat(mentions("CT11")).as("a step runs once").hasSize(1);
        advance(Duration.ofMinutes(5));
        advance(Duration.ofMinutes(10));
        // Monday daytime: the night rotation (oncall-secondary) is off duty, and the thread says so.
        assertThat(directory.withRole("oncall-secondary", clock.instant())).isEmpty();
        assertThat(mentions("CT11")).containsExactly(List.of(name("oncall-primary")), List.of(), List.of(name("tech-lead")));
        assertThat(escalations("CT11").get(1).text()).contains("nobody holds oncall-secondary");
        advance(Duration.ofHours(2));
        assertThat(mentions("CT11")).as("repeat: 0 — the chain ends").hasSize(3);
        assertThat(timeline.entries("alert:" + id).stream().filter(e -> e.kind().equals("alert.escalated")).count()).isEqualTo(3);
        assertThat(escalations("CT11").get(2).text()).startsWith("Not acknowledged after 21 min (tech-lead)");
    }

    @Test
    void anAckStopsTheChainAndWithdrawingItStartsTheDeadlineAgain() {
        String id = fire("t12", "orders", "warning");
        long group = AlertQueries.parseId(id).orElseThrow();
        var where = new Conversation(Platform.SLACK, "CT12", "root");
        ActionOutcome ack = actions.route(new InboundAction(where, new Actor(Platform.SLACK, "U0WANGWU", "wang"),
                "alert.ack", Long.toString(group), null, "root", null));
        assertThat(ack.kind()).as(ack.message()).isEqualTo(ActionOutcome.Kind.DONE);
        advance(Duration.ofMinutes(30));
        assertThat(mentions("CT12")).isEmpty();

        actions.route(new InboundAction(where, new Actor(Platform.SLACK, "U0WANGWU", "wang"), "alert.unack",
                Long.toString(group), null, "root", null));
        advance(Duration.ofMinutes(14));
        assertThat(mentions("CT12")).isEmpty();
        advance(Duration.ofMinutes(2));
        assertThat(mentions("CT12")).hasSize(1);
    }

    @Test
    void someoneTheRespondPolicyDoesNotCoverCannotAckAndTheRefusalIsRecorded() {
        String id = fire("t13", "search", "critical");
        long group = AlertQueries.parseId(id).orElseThrow();
        // chen.qi is only in the dba group, which the respond policy lists; sun.ba (CTO, leads) is too. Use an unknown id.
        ActionOutcome outsider = actions.route(new InboundAction(new Conversation(Platform.SLACK, "CT13", "root"),
                new Actor(Platform.SLACK, "U0NOBODY", "nobody"), "alert.ack", Long.toString(group), null, "root", null));
        assertThat(outsider.kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(jdbc.sql("select acked_by from alert_group where id = ?").param(group).query(String.class).optional()).isEmpty();
        assertThat(timeline.entries("alert:" + id)).anyMatch(e -> e.kind().equals("alert.action-refused"));
        advance(Duration.ofMinutes(6));
        assertThat(mentions("CT13")).as("the refused ack did not stop escalation").hasSize(1);
    }
}
