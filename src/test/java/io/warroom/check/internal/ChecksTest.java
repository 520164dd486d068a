package io.warroom.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.check.CheckResults;
import io.warroom.check.FailedCheck;
import io.warroom.command.Commands;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.schedule.Tasks;
import io.warroom.schedule.internal.RunTasksForTests;
import io.warroom.support.FakeGateway;
import io.warroom.support.H2Test;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Checks end to end against the sandbox cluster (one pod of after-sales-prod is crash-looping), a local
 * HTTP service, a flaky one and a fake Prometheus API: the scheduled report, {@code /warroom check}, the
 * re-run button, a failure's own thread until it recovers, and a reminder marked done.
 */
@H2Test
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:checks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.checks.location=classpath:test-checks/*.yaml", "warroom.checks.channels=slack:C0CHECKS",
        "warroom.kubernetes.mode=sandbox", "warroom.handoff.enabled=false"})
class ChecksTest {

    static final Actor ZHANG = new Actor(Platform.SLACK, "U0ZHANGSAN", "zhang");
    static final Actor LI = new Actor(Platform.SLACK, "U0LISI", "li");
    static final AtomicInteger FLAKY_STATUS = new AtomicInteger(503);
    static final MockWebServer SERVICES = new MockWebServer();
    static final MockWebServer PROMETHEUS = new MockWebServer();

    static {
        SERVICES.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                boolean flaky = r.getPath().startsWith("/flaky/");
                return new MockResponse().setResponseCode(flaky ? FLAKY_STATUS.get() : 200).setBody(flaky ? "{\"db\":\"down\"}" : "{\"status\":\"UP\"}");
            }
        });
        PROMETHEUS.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String query = r.getRequestUrl().queryParameter("query");
                String result = query.contains("cpu_ratio")
                        ? "[{\"metric\":{\"pod\":\"backend\"},\"value\":[1,\"0.41\"]},{\"metric\":{\"pod\":\"agent\"},\"value\":[1,\"0.93\"]}]"
                        : "[{\"metric\":{},\"value\":[1,\"0.0004\"]}]";
                return new MockResponse().setBody("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}");
            }
        });
        try {
            SERVICES.start();
            PROMETHEUS.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("warroom.http.services.local.base-url", () -> SERVICES.url("/local").toString());
        registry.add("warroom.http.services.flaky.base-url", () -> SERVICES.url("/flaky").toString());
        registry.add("warroom.http.prometheus.base-url", () -> PROMETHEUS.url("/prom").toString());
    }

    @AfterAll
    static void stop() throws IOException {
        SERVICES.shutdown();
        PROMETHEUS.shutdown();
    }

    @Autowired Tasks tasks;
    @Autowired RunTasksForTests runTasks;
    @Autowired DrainForTests drain;
    @Autowired FakeGateway slack;
    @Autowired CheckCatalog catalog;
    @Autowired CheckResults results;
    @Autowired Commands commands;
    @Autowired ActionRouter actions;
    @Autowired Timeline timeline;
    @Autowired Clock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** What the channel got after its first {@code before} calls, once the queue for it is empty (rate limits wait). */
    private List<FakeGateway.Call> after(String channel, int before) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            drain.drain();
            return jdbc.sql("select count(*) from outbox where channel = ? and state = 'PENDING'").param(channel)
                    .query(Long.class).single() == 0;
        });
        var calls = slack.calls(channel);
        return calls.subList(before, calls.size());
    }

    private static Conversation newChannel() {
        return Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aScheduledSlotPostsOneReportWithDetailsOnlyForWhatFailed() {
        FLAKY_STATUS.set(503);
        Recurrence daily = catalog.list("daily").orElseThrow().recurrence();
        Instant slot = daily.latestAtOrBefore(clock.instant());
        int before = slack.calls("C0CHECKS").size();
        Instant started = clock.instant();
        tasks.schedule(Slots.key("check:daily", slot), ScheduledCheckHandler.KIND, slot, Map.of("series", "check:daily", "slot", slot.toString()));
        runTasks.runDue();

        var reports = after("C0CHECKS", before);
        assertThat(reports).singleElement().satisfies(c -> {
            OutboundMessage m = c.message();
            assertThat(m.tone()).isEqualTo(OutboundMessage.Tone.DANGER);
            assertThat(m.header()).startsWith("Test daily check, ").endsWith(": 3 of 7 checks failed");
            assertThat(m.text()).isEqualTo("4 passed.");
            assertThat(m.fields()).extracting(OutboundMessage.Field::label)
                    .containsExactly("after-sales-prod pods", "flaky /health", "CPU below 70 %");
            assertThat(m.fields().get(0).value()).contains("1 of 6 pods not Running and Ready", "agent-", "CrashLoopBackOff, 0/1 ready, 7 restarts",
                    "Runbook: after-sales §1.1");
            assertThat(m.fields().get(1).value()).contains("flaky is unhealthy: GET /health answered 503");
            assertThat(m.fields().get(2).value()).isEqualTo("{pod=\"agent\"}93 %, outside < 70 %");
            assertThat(m.mentions()).hasSize(1);
            assertThat(m.buttons()).singleElement().satisfies(b -> assertThat(b.actionId()).isEqualTo("check.rerun"));
        });
        assertThat(tasks.exists(Slots.key("check:daily", daily.next(slot)))).as("the next slot is chained").isTrue();
        assertThat(timeline.entries("checks:daily")).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("check.run-finished");
            assertThat(e.summary()).isEqualTo("daily (schedule): 4 passed, 3 failed: pods-after-sales, flaky-health, cpu");
        });
        List<FailedCheck> failed = results.failedBetween(started, clock.instant().plusSeconds(1), Locale.SIMPLIFIED_CHINESE);
        assertThat(failed).extracting(FailedCheck::name).containsExactly("after-sales-prod 的 Pod", "不稳定服务 /health", "CPU 低于 70%");
        assertThat(failed.get(0).detail()).contains("6 个 Pod 中有 1 个未运行或未就绪");

        runTasks.runDue();
        assertThat(after("C0CHECKS", before)).as("the slot ran once").hasSize(1);
    }

    @Test
    void aCheckAskedForInChatRunsAndCanBeRunAgainFromTheReport() {
        Conversation channel = newChannel();
        commands.handle(new InboundCommand(channel, ZHANG, "check local-health"));
        var ack = after(channel.channel(), 0);
        assertThat(ack).singleElement().satisfies(c -> {
            assertThat(c.visibleTo()).isEqualTo("U0ZHANGSAN");
            assertThat(c.message().text()).isEqualTo("Running local /health (1 checks); the report follows here.");
        });
        runTasks.runDue();
        var report = after(channel.channel(), 1);
        assertThat(report).singleElement().satisfies(c -> {
            assertThat(c.visibleTo()).isNull();
            assertThat(c.message().text()).startsWith("✅ Test daily check, ").endsWith(": all 1 checks passed.");
        });
        String runId = report.get(0).message().buttons().get(0).value();

        ActionOutcome stranger = actions.route(new InboundAction(channel, new Actor(Platform.SLACK, "U0NOBODY", "x"), "check.rerun", runId, null));
        assertThat(stranger.kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        ActionOutcome again = actions.route(new InboundAction(channel.inThread(report.get(0).ref()), LI, "check.rerun", runId, null));
        assertThat(again.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(again.message()).isEqualTo("Running Test daily check again; the report follows in this thread.");
        runTasks.runDue();
        var rerun = after(channel.channel(), 2);
        assertThat(rerun).singleElement().satisfies(c -> {
            assertThat(c.conversation().thread()).isEqualTo(report.get(0).ref());
            assertThat(c.message().text()).endsWith(": all 1 checks passed.");
        });
        assertThat(timeline.entries("checks:daily")).extracting(TimelineEntry::actor).contains("zhang.san", "li.si");

        commands.handle(new InboundCommand(channel, ZHANG, "check local-helth"));
        assertThat(after(channel.channel(), 3).get(0).message().text()).contains("There is no check list or check \"local-helth\". Known: local-health");
    }

    @Test
    void aFailingCheckOfAThreadListKeepsOneThreadUntilItRecovers() {
        Conversation channel = newChannel();
        int before = slack.calls("C0CHECKS").size();
        FLAKY_STATUS.set(500);
        commands.handle(new InboundCommand(channel, ZHANG, "check watch"));
        runTasks.runDue();
        var opened = after("C0CHECKS", before);
        assertThat(opened).singleElement().satisfies(c -> {
            assertThat(c.message().header()).isEqualTo("Check failing: flaky service up");
            assertThat(c.message().mentions()).hasSize(1);
        });
        String card = opened.get(0).ref();

        commands.handle(new InboundCommand(channel, ZHANG, "check watch"));
        runTasks.runDue();
        var still = after("C0CHECKS", before + 1);
        assertThat(still).singleElement().satisfies(c -> {
            assertThat(c.conversation().thread()).isEqualTo(card);
            assertThat(c.message().text()).contains("Still failing at", "answered 500");
        });

        FLAKY_STATUS.set(200);
        commands.handle(new InboundCommand(channel, ZHANG, "check watch"));
        runTasks.runDue();
        var recovered = after("C0CHECKS", before + 2);
        assertThat(recovered).hasSize(2);
        assertThat(recovered.get(0).message().text()).startsWith("Recovered at");
        assertThat(recovered.get(0).conversation().thread()).isEqualTo(card);
        assertThat(recovered.get(1).operation()).isEqualTo("update:" + card);
        assertThat(recovered.get(1).message().header()).isEqualTo("Check recovered: flaky service up");
        FLAKY_STATUS.set(503);
    }

    @Test
    void aReminderIsPostedOnceAndMarkedDoneByWhoeverDidIt() {
        Recurrence sunday = catalog.reminder("drill").orElseThrow().recurrence();
        Instant slot = sunday.latestAtOrBefore(clock.instant());
        int before = slack.calls("C0CHECKS").size();
        tasks.schedule(Slots.key("reminder:drill", slot), ReminderHandler.KIND, slot, Map.of("series", "reminder:drill", "slot", slot.toString()));
        runTasks.runDue();
        var posted = after("C0CHECKS", before);
        assertThat(posted).singleElement().satisfies(c -> {
            assertThat(c.message().header()).isEqualTo("Due: Restore drill");
            assertThat(c.message().text()).isEqualTo("Restore the latest backup.");
            assertThat(c.message().mentions()).extracting(OutboundMessage.Mention::name).contains("陈七 Chen Qi");
        });
        String occurrence = posted.get(0).message().buttons().get(0).value();
        Conversation home = Conversation.of(Platform.SLACK, "C0CHECKS").inThread(posted.get(0).ref());

        ActionOutcome done = actions.route(new InboundAction(home, LI, "check.done", occurrence, null));
        assertThat(done.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(done.card().fields()).anySatisfy(f -> assertThat(f.value()).startsWith("by 李四 Li Si at "));
        ActionOutcome twice = actions.route(new InboundAction(home, ZHANG, "check.done", occurrence, null));
        assertThat(twice.kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(twice.message()).startsWith("Already done by 李四 Li Si at ");
        assertThat(after("C0CHECKS", before + 1)).singleElement()
                .satisfies(c -> assertThat(c.operation()).isEqualTo("update:" + posted.get(0).ref()));
        assertThat(timeline.entries("reminders")).extracting(TimelineEntry::kind, TimelineEntry::actor)
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple("reminder.posted", "warroom"),
                        org.assertj.core.groups.Tuple.tuple("reminder.done", "li.si"));
        assertThat(Duration.between(slot, clock.instant())).isLessThan(Duration.ofDays(7));
    }
}
