package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.slack.internal.SignedSlack;
import io.warroom.support.AlertPayloads;
import io.warroom.support.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two Warroom processes on one PostgreSQL, as the Helm chart runs them, with Slack (a stateful fake of its
 * Web API) and Alertmanager calling both. Slash commands (through the command inbox), approvals, alert
 * groups with their escalations, incident declarations with their war rooms and every outbound message are
 * driven through both, while a check list runs every three seconds and the roster hands the front line over
 * every twenty (a handoff form with its two reminders each time); one process is killed with SIGKILL in the
 * middle of a burst, and the survivor carries on alone. Then: every command answered once, every approval
 * executed once, every escalation step taken once, every incident declared once with one war room and its
 * card pinned there once, every check slot run once, every handover handed off once with its reminders
 * once, every queued message delivered once (the only duplicate allowed is a message the dead process was
 * sending at the moment it died), and nothing left behind or overdue in any queue.
 */
class KillOneOfTwoReplicasTest {

    static final String REQUESTER = "U0ZHANGSAN"; // sre, may request changes (demo roster, shipped policies)
    static final String APPROVER = "U0LISI";       // sre, may approve them
    static final List<String> SCALE_TARGETS = List.of("backend -n after-sales-prod", "agent -n after-sales-prod",
            "gateway -n gateway");
    static final String TECH_LEAD = "U0ZHAOLIU";
    static final String CHECKS = "CCHECKS";
    static final String HANDOFFS = "CHANDOFF";
    /** A few seconds ago, in SQL: what is queued or due since then may simply not have been picked up yet. */
    static final String AGO = "now() - interval '5 seconds'";
    /**
     * Outbox rows that show as a message in the channel: posts and replies, and forms. Nobody clicks here, so
     * every form (a handoff's, at the lead time) has no trigger to open a modal with and reaches Slack as a
     * message with an "Open form" button.
     */
    static final String IN_CHANNEL = "operation in ('POST', 'OPEN_FORM')";

    private final FakeSlackApi slack = new FakeSlackApi(Duration.ofMillis(1));
    private final ReplicaTraffic traffic = new ReplicaTraffic();
    private final List<WarroomProcess> processes = new ArrayList<>();
    private final List<String> commandChannels = new ArrayList<>();
    private final Map<String, String> approvalChannels = new LinkedHashMap<>();
    private final List<String> alertGroups = new ArrayList<>();
    private final List<String> declarations = new ArrayList<>();
    private final MockWebServer checkedService = new MockWebServer();
    private JdbcClient db;
    private ReplicaLedger ledger;

    @TempDir Path dir;

    @AfterEach
    void stop() {
        processes.forEach(WarroomProcess::close);
        slack.close();
        try {
            checkedService.close();
        } catch (IOException e) {
            // only the test's own server, already stopping
        }
    }

    private WarroomProcess replica(String name, String url) throws Exception {
        Path resources = Path.of("target/test-classes").toAbsolutePath();
        var p = WarroomProcess.start(dir.resolve(name + ".log"), Map.ofEntries(
                        Map.entry("SLACK_BOT_TOKEN", FakeSlackApi.TOKEN), Map.entry("SLACK_SIGNING_SECRET", SignedSlack.SECRET),
                        Map.entry("SLACK_API_BASE_URL", slack.baseUrl()), Map.entry("WARROOM_ALERTS_TOKEN", AlertPayloads.TOKEN),
                        Map.entry("WARROOM_ALERTS_ROUTING", "file:" + resources.resolve("test-alerts/fast-routing.yaml")),
                        Map.entry("WARROOM_ROSTER", "file:" + resources.resolve("test-ops/fast-roster.yaml")),
                        Map.entry("WARROOM_CHECKS_LOCATION", "file:" + resources.resolve("test-replica-checks/tick.yaml")),
                        Map.entry("WARROOM_HTTP_SERVICES_SVC_BASEURL", checkedService.url("/svc").toString()),
                        Map.entry("WARROOM_CHECKS_CHANNELS", "slack:" + CHECKS),
                        Map.entry("WARROOM_HANDOFF_CHANNELS", "slack:" + HANDOFFS),
                        // Handovers come every 20 s: plan two minutes ahead (not 48 h) and remind within seconds.
                        Map.entry("WARROOM_HANDOFF_HORIZON", "2m"), Map.entry("WARROOM_HANDOFF_LEAD_TIME", "5s"),
                        Map.entry("WARROOM_HANDOFF_ACK_REMINDER", "4s"), Map.entry("WARROOM_HANDOFF_ESCALATE_AFTER", "4s")),
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--warroom.schedule.poll-interval=100ms", "--warroom.delivery.poll-interval=100ms",
                // What a dead replica had claimed comes back after the lease: shorter than the defaults, so the
                // test does not wait minutes, and still far above any single send or task here.
                "--warroom.schedule.lease=15s", "--warroom.delivery.lease=15s");
        processes.add(p);
        return p;
    }

    @Test
    void everythingHappensOnceAndNothingStallsWhenOneOfTwoReplicasIsKilledUnderLoad() throws Exception {
        checkedService.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody("{\"status\":\"UP\"}");
            }
        });
        checkedService.start();
        String url = EmbeddedPostgresInitializer.newDatabaseUrl("kill_one_" + Long.toHexString(System.nanoTime()));
        db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        ledger = new ReplicaLedger(db);
        WarroomProcess a = replica("a", url);
        WarroomProcess b = replica("b", url);

        // Load through both replicas.
        for (int i = 0; i < 10; i++) {
            command(i % 2 == 0 ? a : b, "CCMD" + i, "oncall");
        }
        // Each replica process has its own sandbox cluster, an approval runs only on the state its preview saw
        // (issue 11), and a click runs on whichever replica claims its task first. So the first three requests
        // scale three different deployments (each sees the seeded state wherever it runs), and the last three
        // are previewed on B only after those ran: A is dead when they are approved, so they run on B, on the
        // state they were previewed on.
        for (int i = 0; i < 3; i++) {
            requestApproval(a, "CAPR" + i, SCALE_TARGETS.get(i), i + 1);
        }
        for (int i = 0; i < 6; i++) {
            alert(i % 2 == 0 ? a : b, "KillTest" + i);
        }
        for (int i = 0; i < 4; i++) {
            declare(i % 2 == 0 ? a : b, i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from approval_request") == 3);
        for (String id : List.copyOf(approvalChannels.keySet())) {
            approve(a, id);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("select count(*) from approval_request where state = 'EXECUTED'") == 3);
        for (int i = 3; i < 6; i++) {
            requestApproval(b, "CAPR" + i, SCALE_TARGETS.get(i % 3), i + 1);
        }
        List<String> ids = new ArrayList<>(approvalChannels.keySet());

        // A burst into replica A, and A dies in the middle of working it off. The alerts come last: their
        // escalations run within seconds, and a slow machine must not let them finish before the kill.
        for (int i = 10; i < 20; i++) {
            command(a, "CCMD" + i, "oncall");
        }
        for (int i = 4; i < 6; i++) {
            declare(a, i);
        }
        for (int i = 6; i < 10; i++) {
            alert(a, "KillTest" + i);
        }
        assertThat(a.kill()).as("SIGKILL").isEqualTo(137);
        Instant killedAt = Instant.now();
        List<Long> sendingAtKill = db.sql("select id from outbox where state = 'SENDING'").query(Long.class).list();
        long tasksLeft = count("select count(*) from scheduled_task where kind = 'alert.escalate' and state in ('PENDING', 'RUNNING')");
        assertThat(tasksLeft).as("A died with escalations still to run").isPositive();
        assertThat(sendingAtKill.size() + count("select count(*) from outbox where state = 'PENDING'"))
                .as("and with messages still to send").isPositive();

        // The survivor takes everything else, and what A left behind.
        for (int i = 20; i < 30; i++) {
            command(b, "CCMD" + i, "oncall");
        }
        for (String id : ids.subList(3, 6)) {
            approve(b, id);
        }
        for (int i = 10; i < 12; i++) {
            alert(b, "KillTest" + i);
        }
        declare(b, 6);

        // Checks and handoffs never stop, so "nothing queued" means nothing older than a few seconds; the
        // lease (15 s) and the handoff's reminders (8 s) bound how late a handoff A had claimed can finish.
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(unsettled(killedAt)).as("still unsettled").isEmpty());
        } catch (ConditionTimeoutException e) {
            // The survivor's own account of what it was doing is the first thing anyone debugging this needs.
            b.log().lines().filter(l -> l.contains("WARN") || l.contains("ERROR")).forEach(System.out::println);
            db.sql("select public_id || ' ' || state from approval_request").query(String.class).list().forEach(System.out::println);
            db.sql("select stream_id || ' ' || kind || ' ' || details from timeline_entry where kind like 'action.%' or kind like 'approval.%'")
                    .query(String.class).list().forEach(System.out::println);
            throw e;
        }
        Thread.sleep(2000); // anything running twice would show up now

        assertThat(count("select count(*) from command_inbox")).as("every acknowledged command stored")
                .isEqualTo(commandChannels.size() + approvalChannels.size() + declarations.size());
        assertThat(db.sql("select title from incident").query(String.class).list()).as("one incident per declaration")
                .containsExactlyInAnyOrderElementsOf(declarations);
        for (String id : db.sql("select id from incident").query(String.class).list()) {
            List<FakeSlackApi.Channel> rooms = slack.channels().stream().filter(c -> c.name().startsWith(id.toLowerCase())).toList();
            assertThat(rooms).as("war rooms of %s", id).hasSize(1);
            assertThat(cardsPinned(rooms.get(0))).as("the card pinned in the room of %s", id).isEqualTo(1);
            assertThat(count("select count(*) from incident_room where incident_id = '" + id + "' and state <> 'OPEN'"))
                    .as("the room of %s is open", id).isZero();
        }
        Map<String, Integer> allowance = ledger.channelsOf(sendingAtKill);
        for (String channel : commandChannels) {
            assertThat(slack.messagesIn(channel)).as("answers to the one command in %s", channel)
                    .isBetween(1, 1 + allowance.getOrDefault(channel, 0));
        }
        for (var approval : approvalChannels.entrySet()) {
            assertThat(count("select count(*) from timeline_entry where kind = 'action.executed' and details like '%"
                    + approval.getKey() + "%'")).as("executions of approval %s", approval.getKey()).isEqualTo(1);
        }
        for (String group : alertGroups) {
            assertThat(ledger.escalations(group)).as("escalation steps of %s", group).containsExactly("1", "2", "3");
        }
        assertThat(count("select count(*) from (select slot_at from check_run group by slot_at having count(*) > 1) d"))
                .as("no check slot ran twice").isZero();
        assertThat(count("select count(*) from check_run where trigger_kind <> 'schedule'")).isZero();
        assertThat(count("select count(*) from (select handover_at from handoff group by handover_at having count(*) > 1) d"))
                .as("no handover handed off twice").isZero();
        List<String> settled = db.sql("select 'handoff:' || public_id from handoff where handover_at < " + ReplicaLedger.SETTLED)
                .query(String.class).list();
        assertThat(settled).as("handovers before and after the kill").hasSizeGreaterThanOrEqualTo(2);
        for (String stream : settled) {
            assertThat(db.sql("select kind from timeline_entry where stream_id = ? order by position").param(stream)
                    .query(String.class).list()).as(stream).containsExactly("handoff.opened", "handoff.reminded", "handoff.reminded");
        }
        assertThat(count("select count(*) from outbox where state = 'FAILED'")).as("nothing given up").isZero();
        assertThat(count("select count(*) from scheduled_task where state = 'FAILED'")).as("no task failed").isZero();
        // Reports, handoffs and reminders go on being sent while this runs, so per channel Slack has at least
        // what was marked sent before it was asked, and no more than every message there is by then (plus what
        // A was sending when it died). Where nothing is sent any more, the two bounds meet.
        for (String channel : db.sql("select distinct channel from outbox where platform = 'slack' and " + IN_CHANNEL)
                .query(String.class).list()) {
            long sent = count("select count(*) from outbox where channel = '" + channel + "' and " + IN_CHANNEL
                    + " and state = 'SENT'");
            int received = slack.messagesIn(ledger.slackChannel(channel));
            long all = count("select count(*) from outbox where channel = '" + channel + "' and " + IN_CHANNEL);
            assertThat(received).as("messages in %s", channel)
                    .isBetween((int) sent, (int) all + allowance.getOrDefault(channel, 0));
        }
        assertThat(slack.messagesIn(CHECKS)).as("check reports").isPositive();
        assertThat(slack.messagesIn(HANDOFFS)).as("handoff forms and reminders").isPositive();
        // Nothing stalled: whatever was due by now runs, however slow a loaded machine makes the survivor.
        Instant due = Instant.now();
        await("no task overdue").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ledger.tasksStillDueBy(due) == 0);
        assertThat(b.log()).doesNotContain("ERROR");
    }

    /** What the survivor has not yet finished, by name, so that a timeout says which part stalled. */
    private List<String> unsettled(Instant killedAt) {
        Map<String, Boolean> done = new LinkedHashMap<>();
        done.put("commands done", count("select count(*) from command_inbox where state <> 'DONE'") == 0);
        done.put("outbox drained", count("select count(*) from outbox where state in ('PENDING', 'SENDING') and created_at < "
                + AGO) == 0);
        done.put("approvals executed", count("select count(*) from approval_request where state = 'EXECUTED'") == 6);
        done.put("escalations taken", alertGroups.stream().allMatch(g -> ledger.escalations(g).size() == 3));
        done.put("commands answered", commandChannels.stream().allMatch(c -> slack.messagesIn(c) >= 1));
        done.put("a handoff settled after the kill", ledger.settledHandoffsSince(killedAt) >= 1);
        done.put("no handoff unsettled", ledger.unsettledHandoffs() == 0);
        done.put("check slots after the kill", ledger.checkSlotsSince(killedAt) >= 3);
        done.put("incidents declared", count("select count(*) from incident") == declarations.size());
        done.put("war rooms with the tech lead and the card pinned", warRooms().size() == declarations.size()
                && warRooms().stream().allMatch(r -> r.members().contains(TECH_LEAD) && cardsPinned(r) >= 1));
        List<String> open = new ArrayList<>();
        done.forEach((what, ok) -> {
            if (!ok) {
                open.add(what);
            }
        });
        return open;
    }

    private void command(WarroomProcess replica, String channel, String text) throws Exception {
        ok(traffic.slash(replica, REQUESTER, channel, text));
        commandChannels.add(channel);
    }

    private void requestApproval(WarroomProcess replica, String channel, String target, int replicas) throws Exception {
        ok(traffic.slash(replica, REQUESTER, channel, "scale " + target + " --replicas " + replicas));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("select count(*) from approval_request where channel = '" + channel + "'") == 1);
        approvalChannels.put(db.sql("select public_id from approval_request where channel = ?").param(channel)
                .query(String.class).single(), channel);
    }

    private void approve(WarroomProcess replica, String id) throws Exception {
        ok(traffic.click(replica, APPROVER, approvalChannels.get(id), "approval.approve", id));
    }

    private void alert(WarroomProcess replica, String name) throws Exception {
        var response = ok(traffic.alert(replica, name));
        alertGroups.add("alert:" + response.body().replaceAll(".*\"group\":\"(A\\d+)\".*", "$1"));
    }

    /** A P1 declared in a channel of its own: a war room on Slack, the tech lead invited, the card pinned. */
    private void declare(WarroomProcess replica, int n) throws Exception {
        String title = "kill test room " + n;
        ok(traffic.slash(replica, REQUESTER, "CINC" + n, "incident declare P1 " + title));
        declarations.add(title);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private List<FakeSlackApi.Channel> warRooms() {
        return slack.channels().stream().filter(c -> c.name().startsWith("inc-")).toList();
    }

    /** Pinned messages in a room that are an incident's card (they name the incident's id). */
    private long cardsPinned(FakeSlackApi.Channel room) {
        String id = room.name().substring(0, "inc-20261130-01".length()).toUpperCase();
        return slack.posted(room.id()).stream()
                .filter(p -> p.text() != null && p.text().contains(id) && slack.pinned(room.id(), p.ts())).count();
    }

    private long count(String sql) {
        return ledger.count(sql);
    }
}
