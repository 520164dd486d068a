package io.warroom.handoff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.warroom.schedule.Tasks;
import io.warroom.schedule.internal.RunTasksForTests;
import io.warroom.support.ControllableClock;
import io.warroom.support.FakeGateway;
import io.warroom.support.H2Test;
import io.warroom.support.MutableClock;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The shift handoff with the demo roster and a clock the test moves: on Tuesday 2026-03-03, Wang Wu
 * (primary) hands over to Zhang San (secondary) at 18:00. The form goes out at 17:30 pre-filled with the
 * shift's failed check and approved action; only Wang Wu may submit it and only Zhang San acknowledge it;
 * the reminders come at 18:15 (both) and 18:30 (the tech lead too) unless it is acknowledged.
 */
@H2Test
@Import(ControllableClock.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:handoff-flow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.handoff.channels=console:oncall,slack:C0HANDOFF", "warroom.checks.channels=slack:C0CHECKRUNS",
        "warroom.checks.location=classpath:test-checks/*.yaml", "warroom.kubernetes.mode=sandbox",
        // The clock stands still between steps: Slack's channel limit would hold messages back for ever.
        "warroom.delivery.limits.slack.per-channel.per-second=1000", "warroom.delivery.limits.slack.per-channel.burst=1000"})
class HandoffFlowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Actor WANG = new Actor(Platform.SLACK, "U0WANGWU", "wang");
    static final Actor ZHANG = new Actor(Platform.SLACK, "U0ZHANGSAN", "zhang");
    static final Actor LI = new Actor(Platform.SLACK, "U0LISI", "li");
    static final Actor ZHAO = new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao");
    static final Conversation HOME = Conversation.of(Platform.SLACK, "C0HANDOFF");

    @Autowired Commands commands;
    @Autowired ActionRouter actions;
    @Autowired Handovers handovers;
    @Autowired HandoffPlanner planner;
    @Autowired Tasks tasks;
    @Autowired RunTasksForTests runTasks;
    @Autowired DrainForTests drain;
    @Autowired FakeGateway slack;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @BeforeEach
    void reset() {
        for (String table : List.of("handoff", "roster_assignment", "roster_change", "scheduled_task", "outbox", "rate_bucket")) {
            jdbc.sql("delete from " + table).update();
        }
        clock.set(at("2026-03-03T10:00"));
    }

    /** Calls to the on-call channel on Slack after the first {@code before}, once its queue is empty. */
    private List<FakeGateway.Call> home(int before) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            drain.drain();
            return jdbc.sql("select count(*) from outbox where state = 'PENDING' and next_attempt_at <= ?")
                    .param(clock.instant().atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single() == 0;
        });
        var calls = slack.calls(HOME.channel());
        return calls.subList(before, calls.size());
    }

    private ActionOutcome click(Actor who, String actionId, String value, Map<String, String> form) {
        return actions.route(new InboundAction(HOME, who, actionId, value, form));
    }

    private static Map<String, String> filled() {
        var form = new HashMap<String, String>();
        form.put("services_ok", "");
        form.put("no_alerts", "true");
        form.put("no_major_event", "true");
        form.put("open_items", "some");
        form.put("open_items_details", "agent pod OOM-killed twice; watching memory");
        form.put("recent_changes", "some");
        form.put("recent_changes_details", "svc scaled to 2");
        form.put("notes", "");
        return form;
    }

    private String handoffId() {
        return jdbc.sql("select public_id from handoff").query(String.class).single();
    }

    private List<String> kinds(String id) {
        return timeline.entries("handoff:" + id).stream().map(TimelineEntry::kind).toList();
    }

    @Test
    void handoversFollowTheEffectiveRosterAcrossTheWeekAndItsChanges() {
        List<Handover> week = handovers.between(at("2026-03-02T00:00"), at("2026-03-09T12:00"));
        assertThat(week).extracting(h -> LocalDateTime.ofInstant(h.at(), SHANGHAI).toString() + " " + h.outgoing().id()
                + ">" + h.incoming().id()).containsExactly(
                "2026-03-02T18:00 wang.wu>zhang.san", "2026-03-03T09:00 zhang.san>wang.wu", "2026-03-03T18:00 wang.wu>zhang.san",
                "2026-03-04T09:00 zhang.san>wang.wu", "2026-03-04T18:00 wang.wu>zhang.san", "2026-03-05T09:00 zhang.san>wang.wu",
                "2026-03-05T18:00 wang.wu>zhang.san", "2026-03-06T09:00 zhang.san>wang.wu", "2026-03-06T18:00 wang.wu>zhang.san",
                "2026-03-07T00:00 zhang.san>wang.wu", "2026-03-09T00:00 wang.wu>zhang.san");

        commands.handle(new InboundCommand(Conversation.of(Platform.SLACK, "C0X"), ZHAO,
                "oncall override @li.si oncall-primary 2026-03-04T12:00 2026-03-04T15:00 dentist"));
        assertThat(handovers.between(at("2026-03-04T10:00"), at("2026-03-04T17:00"))).extracting(h -> h.outgoing().id() + ">" + h.incoming().id())
                .containsExactly("wang.wu>li.si", "li.si>wang.wu");
        // The roster change planned the forms of its new handovers in the same transaction.
        assertThat(tasks.exists("handoff.open:" + at("2026-03-04T15:00") + ":li.si:wang.wu")).isTrue();
    }

    @Test
    void theShiftHandoffEndToEnd() {
        // During Wang Wu's shift: a check fails, and a privileged action is approved and run.
        commands.handle(new InboundCommand(Conversation.of(Platform.SLACK, "C0WORK"), WANG, "check pods-after-sales"));
        runTasks.runDue();
        clock.set(at("2026-03-03T11:00"));
        Conversation work = Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
        commands.handle(new InboundCommand(work, LI, "scale svc-h --replicas 2"));
        drain.drain();
        String request = slack.calls(work.channel()).get(0).message().buttons().get(0).value();
        actions.route(new InboundAction(work, ZHAO, "approval.approve", request, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select state from approval_request where public_id = ?")
                .param(request).query(String.class).single().equals("EXECUTED"));
        // An incident declared during the shift and still open at the handover; one resolved is not handed over.
        commands.handle(new InboundCommand(work, LI, "incident declare P2 agent memory keeps growing"));
        commands.handle(new InboundCommand(work, LI, "incident declare P3 typo on the status page"));
        String resolved = jdbc.sql("select id from incident where title = 'typo on the status page'").query(String.class).single();
        commands.handle(new InboundCommand(work, LI, "incident resolve " + resolved));

        clock.set(at("2026-03-03T17:00"));
        planner.plan();
        runTasks.runDue();
        int before = slack.calls(HOME.channel()).size();
        assertThat(home(before)).as("nothing before the lead time").isEmpty();

        clock.set(at("2026-03-03T17:30"));
        runTasks.runDue();
        var opened = home(before);
        FakeGateway.Call form = opened.stream().filter(c -> c.operation().startsWith("openForm")).findFirst().orElseThrow();
        assertThat(form.visibleTo()).isEqualTo("U0WANGWU");
        OutboundMessage f = form.message();
        assertThat(f.header()).isEqualTo("Shift handoff: 王五 Wang Wu → 张三 Zhang San");
        assertThat(f.fallbackText()).doesNotContain("typo on the status page");
        assertThat(f.fallbackText()).contains("Handover time (交班时间): 2026-03-03 18:00 (UTC+8)",
                "Open incidents: INC-20260303-01 [P2] agent memory keeps growing: investigating, declared 2026-03-03 11:00 (UTC+8), commander 李四 Li Si",
                "Firing or unacknowledged alert groups: none",
                "Privileged actions this shift: 2026-03-03 11:00 (UTC+8) scale svc-h --replicas 2 — asked by 李四 Li Si, approved by 赵六 Zhao Liu: done",
                "Failed checks this shift: 2026-03-03 10:00 (UTC+8) after-sales-prod pods: 1 of 6 pods not Running and Ready");
        Map<String, OutboundMessage.Input> inputs = new HashMap<>();
        f.form().inputs().forEach(i -> inputs.put(i.name(), i));
        assertThat(inputs.get("services_ok").type()).isEqualTo(OutboundMessage.InputType.CHECKBOX);
        assertThat(inputs.get("services_ok").initialValue()).as("a check failed").isNull();
        assertThat(inputs.get("open_items").initialValue()).isEqualTo("some");
        assertThat(inputs.get("open_items_details").initialValue()).startsWith("- INC-20260303-01 [P2] agent memory keeps growing")
                .contains("\n- 2026-03-03 10:00 (UTC+8) after-sales-prod pods");
        assertThat(inputs.get("recent_changes_details").initialValue()).contains("scale svc-h --replicas 2");
        assertThat(opened).anySatisfy(c -> assertThat(c.message().mentions()).extracting(OutboundMessage.Mention::name)
                .containsExactly("王五 Wang Wu", "张三 Zhang San"));
        String id = handoffId();
        String formId = f.form().formId();

        assertThat(click(LI, formId, "", filled()).message()).isEqualTo("This handoff is 王五 Wang Wu's to fill in "
                + "(policy handoff-delegate lets only role tech-lead use it).");
        var missing = filled();
        missing.put("open_items_details", " ");
        assertThat(click(WANG, formId, "", missing).fieldErrors()).containsOnlyKeys("open_items_details");
        ActionOutcome submitted = click(WANG, formId, "", filled());
        assertThat(submitted.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        var card = home(before + opened.size()).stream().filter(c -> c.operation().equals("post")).findFirst().orElseThrow();
        assertThat(card.message().fallbackText()).contains("Waiting for 张三 Zhang San to acknowledge.",
                "☐ All services running normally", "☑ No abnormal alerts on the dashboards", "agent pod OOM-killed twice");
        assertThat(card.message().buttons()).extracting(OutboundMessage.Button::actionId)
                .containsExactly("handoff.ack", "handoff.edit", "handoff.ask");
        int afterCard = slack.calls(HOME.channel()).size();

        assertThat(click(LI, "handoff.ack", id, null).message())
                .isEqualTo("Only 张三 Zhang San, the incoming engineer, can acknowledge this handoff (policy handoff-delegate lets only role tech-lead use it).");
        assertThat(click(WANG, "handoff.ack", id, null).kind()).isEqualTo(ActionOutcome.Kind.REFUSED);

        clock.set(at("2026-03-03T18:15"));
        runTasks.runDue();
        var reminder = home(afterCard);
        assertThat(reminder).singleElement().satisfies(c -> {
            assertThat(c.conversation().thread()).isEqualTo(card.ref());
            assertThat(c.message().text()).isEqualTo("张三 Zhang San, please acknowledge the handoff from 王五 Wang Wu, or ask about anything unclear.");
            assertThat(c.message().mentions()).extracting(OutboundMessage.Mention::name).containsExactly("王五 Wang Wu", "张三 Zhang San");
        });
        clock.set(at("2026-03-03T18:30"));
        runTasks.runDue();
        assertThat(home(afterCard + 1)).singleElement().satisfies(c -> assertThat(c.message().mentions())
                .extracting(OutboundMessage.Mention::name).containsExactly("王五 Wang Wu", "张三 Zhang San", "赵六 Zhao Liu"));

        clock.set(at("2026-03-03T18:32"));
        ActionOutcome ack = click(ZHANG, "handoff.ack", id, null);
        assertThat(ack.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(ack.card().text()).isEqualTo("Acknowledged by 张三 Zhang San at 2026-03-03 18:32 (UTC+8).");
        assertThat(home(afterCard + 2)).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo("update:" + card.ref());
            assertThat(c.message().buttons()).extracting(OutboundMessage.Button::actionId).containsExactly("handoff.ask");
        });
        assertThat(click(ZHANG, "handoff.ack", id, null).message()).isEqualTo("This handoff was already acknowledged by 张三 Zhang San.");

        assertThat(kinds(id)).containsExactly("handoff.opened", "handoff.refused", "handoff.submitted", "handoff.refused",
                "handoff.refused", "handoff.reminded", "handoff.reminded", "handoff.acknowledged");

        Conversation asker = Conversation.of(Platform.SLACK, "C0ASK");
        commands.handle(new InboundCommand(asker, ZHANG, "handoff history 5"));
        commands.handle(new InboundCommand(asker, ZHANG, "handoff export " + id));
        drain.drain();
        var replies = slack.calls("C0ASK");
        assertThat(replies.get(0).message().fields()).singleElement().satisfies(field -> {
            assertThat(field.label()).isEqualTo("2026-03-03 18:00 (UTC+8): 王五 Wang Wu → 张三 Zhang San");
            assertThat(field.value()).isEqualTo("acknowledged by 张三 Zhang San at 2026-03-03 18:32 (UTC+8) · " + id);
        });
        assertThat(replies.get(1).message().code()).contains("# 值班交接单", "- 交班人: 王五 Wang Wu",
                "- [ ] 所有服务正常运行", "- [x] 监控面板无异常告警", "- [ ] 无\n- [x] 有 (详细说明):\n  agent pod OOM-killed twice",
                "接班确认: 张三 Zhang San, 2026-03-03 18:32 (UTC+8)");
    }

    @Test
    void anAcknowledgementInTimeLeavesNoReminderAndEditsAndQuestionsReachTheThread() {
        clock.set(at("2026-03-03T17:40"));
        planner.plan();
        runTasks.runDue();
        int before = slack.calls(HOME.channel()).size();
        String id = handoffId();
        click(WANG, HandoffForm.SUBMIT + id, "", filled());
        var card = home(before).stream().filter(c -> c.operation().equals("post") && c.message().header() != null).findFirst().orElseThrow();

        var edited = filled();
        edited.put("notes", "redis failover drill at 22:00");
        assertThat(click(WANG, HandoffForm.SUBMIT + id, "", edited).message()).isEqualTo("Handoff updated; 张三 Zhang San sees the new version.");
        click(LI, "handoff.ask", id, null);
        assertThat(click(LI, HandoffActions.QUESTION + id, "", Map.of("question", "Is the drill still on?")).kind())
                .isEqualTo(ActionOutcome.Kind.DONE);
        var after = home(before + 1);
        assertThat(after).anySatisfy(c -> {
            assertThat(c.operation()).isEqualTo("update:" + card.ref());
            assertThat(c.message().fallbackText()).contains("redis failover drill at 22:00", "Edited: 1 times");
        });
        assertThat(after).anySatisfy(c -> {
            assertThat(c.conversation().thread()).isEqualTo(card.ref());
            assertThat(c.message().text()).isEqualTo("李四 Li Si asks: Is the drill still on?");
        });
        assertThat(after).anySatisfy(c -> assertThat(c.operation()).isEqualTo("openForm:null"));

        clock.set(at("2026-03-03T18:05"));
        assertThat(click(ZHANG, "handoff.ack", id, null).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        home(0);
        int acked = slack.calls(HOME.channel()).size();
        clock.set(at("2026-03-03T19:00"));
        runTasks.runDue();
        assertThat(home(acked)).as("no reminder after the acknowledgement").isEmpty();
        assertThat(kinds(id)).containsExactly("handoff.opened", "handoff.submitted", "handoff.edited", "handoff.question",
                "handoff.acknowledged");
        assertThat(jdbc.sql("select count(*) from scheduled_task where kind = 'handoff.remind' and state = 'CANCELLED'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void handoffCommandOpensTheFormForTheOutgoingEngineerOrWhomThePolicyLets() {
        clock.set(at("2026-03-03T16:00"));
        Conversation here = Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
        commands.handle(new InboundCommand(here, LI, "handoff"));
        commands.handle(new InboundCommand(here, WANG, "handoff"));
        commands.handle(new InboundCommand(here, ZHAO, "handoff"));
        drain.drain();
        // Forms go out first (urgent lane): find each answer by whom it is for.
        var calls = slack.calls(here.channel());
        java.util.function.Function<String, List<FakeGateway.Call>> to = user -> calls.stream().filter(c -> user.equals(c.visibleTo())).toList();
        assertThat(to.apply("U0LISI")).singleElement().satisfies(c -> assertThat(c.message().text()).isEqualTo("The next handover, at 2026-03-03 18:00 (UTC+8), is 王五 Wang Wu's "
                + "to hand over to 张三 Zhang San. This handoff is 王五 Wang Wu's to fill in (policy handoff-delegate lets only role tech-lead use it)."));
        var wang = to.apply("U0WANGWU");
        assertThat(wang).singleElement().satisfies(c -> assertThat(c.operation()).isEqualTo("openForm:null"));
        assertThat(to.apply("U0ZHAOLIU")).as("the tech lead may fill it in for him").singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo("openForm:null");
            assertThat(c.message().form().formId()).isEqualTo(wang.get(0).message().form().formId());
        });
        assertThat(jdbc.sql("select count(*) from handoff").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void afterDowntimeOnlyTheNewestMissedHandoverGetsItsFormLate() {
        clock.set(at("2026-03-03T17:00"));
        planner.plan();
        // Nothing ran until Wednesday 10:00: Tuesday 18:00 and Wednesday 09:00 have both passed.
        clock.set(at("2026-03-04T10:00"));
        runTasks.runDue();
        assertThat(jdbc.sql("select outgoing || '>' || incoming from handoff").query(String.class).list())
                .as("Wednesday 09:00 late, once; not Tuesday's 18:00 as well").containsExactly("zhang.san>wang.wu");
        assertThat(jdbc.sql("select handover_at from handoff").query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(at("2026-03-04T09:00"));
        assertThat(tasks.exists("handoff.open:" + at("2026-03-04T18:00") + ":wang.wu:zhang.san"))
                .as("the planning that ran too has the coming handover").isTrue();
    }
}
