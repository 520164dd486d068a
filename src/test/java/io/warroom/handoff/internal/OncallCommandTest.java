package io.warroom.handoff.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.warroom.directory.Directory;
import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import io.warroom.support.ControllableClock;
import io.warroom.support.FakeGateway;
import io.warroom.support.H2Test;
import io.warroom.support.MutableClock;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Overrides and swaps from chat with the demo roster: stored on top of the file, seen by every consumer
 * (who is on duty, approvals), announced to everyone who gains or loses a shift, refused with a reason.
 * The week of 2026-03-02 is turn 8: wang.wu primary (weekdays 09-18), zhang.san secondary (nights).
 */
@H2Test
@Import(ControllableClock.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:oncall-command;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.handoff.channels=console:oncall,slack:C0ONCALL", "warroom.handoff.enabled=false"})
class OncallCommandTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Actor ZHANG = new Actor(Platform.SLACK, "U0ZHANGSAN", "zhang");
    static final Actor LI = new Actor(Platform.SLACK, "U0LISI", "li");
    static final Actor CHEN = new Actor(Platform.SLACK, "U0CHENQI", "chen");

    @Autowired Commands commands;
    @Autowired ActionRouter actions;
    @Autowired Directory directory;
    @Autowired FakeGateway slack;
    @Autowired DrainForTests drain;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;

    Conversation channel;
    int rosterEntriesBefore;

    /** Kinds of the roster timeline entries this test added. */
    private List<String> rosterKinds() {
        var all = timeline.entries("roster");
        return all.subList(rosterEntriesBefore, all.size()).stream().map(TimelineEntry::kind).toList();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @BeforeEach
    void reset() {
        jdbc.sql("delete from roster_assignment").update();
        jdbc.sql("delete from roster_change").update();
        // The clock goes back in time between tests: start the rate limits and the queue afresh.
        jdbc.sql("delete from rate_bucket").update();
        jdbc.sql("delete from outbox").update();
        clock.set(at("2026-03-03T07:00"));
        rosterEntriesBefore = timeline.entries("roster").size();
        channel = Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
    }

    private List<OutboundMessage> say(Actor who, String text) {
        int before = slack.calls(channel.channel()).size();
        commands.handle(new InboundCommand(channel, who, text));
        drain.drain();
        var calls = slack.calls(channel.channel());
        return calls.subList(before, calls.size()).stream().map(FakeGateway.Call::message).toList();
    }

    private String holder(String role, String local) {
        return directory.onDuty(at(local)).stream().filter(d -> d.role().equals(role)).map(d -> d.person().id())
                .findFirst().orElse(null);
    }

    private long changes() {
        return jdbc.sql("select count(*) from roster_change").query(Long.class).single();
    }

    @Test
    void anOverrideIsAppliedEverywhereAndTellsWhoGainsAndWhoLoses() {
        var reply = say(ZHANG, "oncall override @li.si oncall-primary 2026-03-03T09:00 2026-03-03 18:00 wang.wu at the dentist");
        assertThat(reply).singleElement().satisfies(m -> {
            assertThat(m.header()).startsWith("On-call override #");
            assertThat(m.mentions()).extracting(OutboundMessage.Mention::name).containsExactly("李四 Li Si", "王五 Wang Wu");
            assertThat(m.fallbackText()).contains("Now on call", "李四 Li Si — oncall-primary, 2026-03-03 09:00 (UTC+8) → 2026-03-03 18:00 (UTC+8)",
                    "No longer on call", "王五 Wang Wu — oncall-primary", "wang.wu at the dentist");
        });
        assertThat(holder("oncall-primary", "2026-03-03T10:00")).isEqualTo("li.si");
        assertThat(holder("oncall-primary", "2026-03-04T10:00")).as("only that day").isEqualTo("wang.wu");
        assertThat(directory.withRole("oncall-primary", at("2026-03-03T17:59"))).extracting(Person::id).containsExactly("li.si");
        OnDuty li = directory.onDuty(at("2026-03-03T12:00")).get(0);
        assertThat(li.override()).isTrue();
        assertThat(li.until()).isEqualTo(at("2026-03-03T18:00"));

        // The on-call channel of the other platforms hears of it too.
        assertThat(slack.calls("C0ONCALL")).anySatisfy(c -> assertThat(c.message().header()).startsWith("On-call override #"));
        assertThat(rosterKinds()).containsExactly("oncall.overridden");
        assertThat(timeline.entries("roster").get(rosterEntriesBefore).summary()).contains("oncall-primary li.si 2026-03-03 09:00 → 2026-03-03 18:00");

        clock.set(at("2026-03-03T12:00"));
        var now = say(LI, "oncall");
        assertThat(now.get(0).fields().get(0).value()).contains("李四 Li Si until 2026-03-03 18:00 (UTC+8) (override #");
    }

    @Test
    void whoApprovesFollowsTheOverride() {
        clock.set(at("2026-03-03T10:00"));
        // chen.qi (DBA) is not an approver of workload changes, unless on call.
        commands.handle(new InboundCommand(channel, LI, "scale svc-x --replicas 2"));
        drain.drain();
        var card = slack.calls(channel.channel()).get(0).message();
        String id = card.buttons().stream().filter(b -> b.actionId().equals("approval.approve")).findFirst().orElseThrow().value();
        assertThat(actions.route(new InboundAction(channel, CHEN, "approval.approve", id, null)).message()).contains("not an approver");

        say(ZHANG, "oncall override @chen.qi oncall-primary now +1h");
        ActionOutcome approved = actions.route(new InboundAction(channel, CHEN, "approval.approve", id, null));
        assertThat(approved.kind()).isEqualTo(ActionOutcome.Kind.DONE);
    }

    @Test
    void aSwapExchangesTheTwoShiftsStartingThatDay() {
        // zhang.san has Tuesday's night (secondary 18:00 to 09:00); li.si is not on call this week.
        assertThat(say(ZHANG, "oncall swap @li.si 2026-03-03").get(0).text()).contains("has no shift starting on 2026-03-03");
        // wang.wu's Tuesday day shift for zhang.san's Tuesday night.
        var reply = say(ZHANG, "oncall swap @wang.wu 2026-03-03");
        assertThat(reply.get(0).header()).startsWith("On-call swap #");
        assertThat(holder("oncall-primary", "2026-03-03T10:00")).isEqualTo("zhang.san");
        assertThat(holder("oncall-secondary", "2026-03-03T20:00")).isEqualTo("wang.wu");
        assertThat(holder("oncall-secondary", "2026-03-04T08:59")).isEqualTo("wang.wu");
        assertThat(holder("oncall-secondary", "2026-03-04T20:00")).as("the next night is zhang.san's again").isEqualTo("zhang.san");
        assertThat(holder("oncall-primary", "2026-03-04T10:00")).isEqualTo("wang.wu");

        var next = say(ZHANG, "oncall next 2").get(0);
        assertThat(next.fields()).anySatisfy(f -> assertThat(f.value()).contains("09:00 → 18:00  张三 Zhang San (swap #"));
        assertThat(rosterKinds()).containsExactly("oncall.swapped");
    }

    @Test
    void aWeekendCanBeSwappedForAWeekdayAndCancelledLater() {
        clock.set(at("2026-03-05T12:00"));
        // Next weekend's primary is wang.wu (Sat 00:00 to Mon 00:00); zhang.san's Friday night runs into Monday.
        var reply = say(ZHANG, "oncall swap @wang.wu 2026-03-06 2026-03-07");
        assertThat(reply.get(0).header()).startsWith("On-call swap #");
        assertThat(holder("oncall-primary", "2026-03-08T15:00")).isEqualTo("zhang.san");
        assertThat(holder("oncall-secondary", "2026-03-08T15:00")).isEqualTo("wang.wu");
        assertThat(holder("oncall-secondary", "2026-03-09T08:00")).isEqualTo("wang.wu");
        String id = reply.get(0).header().replaceAll(".*#", "");

        var cancelled = say(LI, "oncall cancel " + id);
        assertThat(cancelled.get(0).header()).isEqualTo("Cancelled: on-call change #" + id);
        assertThat(holder("oncall-primary", "2026-03-08T15:00")).isEqualTo("wang.wu");
        assertThat(say(LI, "oncall cancel " + id).get(0).text()).contains("was already cancelled");
        assertThat(rosterKinds()).containsExactly("oncall.swapped", "oncall.change-cancelled");
    }

    @Test
    void mistakesAreNamedAndChangeNothing() {
        say(ZHANG, "oncall override @li.si oncall-primary 2026-03-03T09:00 2026-03-03T12:00");
        long stored = changes();
        assertThat(say(ZHANG, "oncall override @nobody oncall-primary now +1h").get(0).text())
                .contains("Nobody in the roster is \"@nobody\"");
        assertThat(say(ZHANG, "oncall override @wang.wu oncall-tertiary now +1h").get(0).text())
                .contains("\"oncall-tertiary\" is not a rotation role");
        assertThat(say(ZHANG, "oncall override @wang.wu oncall-primary today 12:00 today 11:00").get(0).text())
                .contains("The end (2026-03-03 11:00) must be after the start (2026-03-03 12:00)");
        assertThat(say(ZHANG, "oncall override @wang.wu oncall-primary today 06:00 today 11:00").get(0).text())
                .contains("The start (2026-03-03 06:00) is in the past");
        assertThat(say(ZHANG, "oncall override @wang.wu oncall-primary today 11:00 today 13:00").get(0).text())
                .contains("It overlaps change #", "李四 Li Si, 2026-03-03 09:00 to 2026-03-03 12:00");
        assertThat(say(ZHANG, "oncall override @wang.wu oncall-primary today 11:00 yesterday").get(0).text())
                .contains("\"yesterday\" is not a time");
        assertThat(say(ZHANG, "oncall swap @zhang.san today").get(0).text()).contains("cannot swap with yourself");
        assertThat(say(ZHANG, "oncall cancel 999").get(0).text()).contains("no override or swap #999");
        assertThat(changes()).isEqualTo(stored);
        var refusals = slack.calls(channel.channel());
        assertThat(refusals.subList(1, refusals.size())).hasSize(8).allSatisfy(c -> assertThat(c.visibleTo()).isEqualTo("U0ZHANGSAN"));
    }

    @Test
    void onlyThePolicysPeopleMayChangeTheRosterAndARefusalIsRecorded() {
        var reply = say(CHEN, "oncall override @chen.qi oncall-primary now +2h");
        assertThat(reply.get(0).text()).contains("You may not change the on-call roster", "policy manage lets only group sre, group leads");
        assertThat(changes()).isZero();
        assertThat(rosterKinds()).containsExactly("oncall.change-refused");
        assertThat(timeline.entries("roster").get(rosterEntriesBefore)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo("oncall.change-refused");
            assertThat(e.actor()).isEqualTo("chen.qi");
        });
    }
}
