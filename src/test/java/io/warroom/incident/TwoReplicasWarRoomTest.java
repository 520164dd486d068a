package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.support.AlertPayloads;
import io.warroom.support.FakePlatforms;
import io.warroom.support.Replicas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * War rooms open once across replicas and crashes: two Warroom instances on one PostgreSQL receive the same
 * declaration many times at once (a form sent twice on each, the same command typed again), and one
 * instance stops after creating the rooms but before its invitations went out, another takes over. Each ends
 * with one incident, one room per platform and everyone invited. An Alertmanager pair sending a ServiceDown
 * group to both replicas, and the group firing again after a restart, declare one incident by the playbook's rule.
 */
class TwoReplicasWarRoomTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private final FakeSlackApi slack = new FakeSlackApi(Duration.ofMillis(200));
    private final FakeFeishuOpenApi feishu = FakeFeishuOpenApi.fresh();
    private final Replicas replicas = new Replicas("rooms");

    @AfterEach
    void stop() {
        replicas.stopAll();
        slack.close();
    }

    private ConfigurableApplicationContext replica() {
        return replicas.start(List.of(), FakePlatforms.arguments(slack, feishu,
                "--warroom.catalog.location=classpath*:warroom/commands/*.yaml",
                "--warroom.delivery.poll-interval=100ms", "--warroom.delivery.initial-backoff=200ms",
                "--warroom.delivery.lease=3s", "--warroom.schedule.poll-interval=200ms",
                "--warroom.alerts.token=" + AlertPayloads.TOKEN,
                "--warroom.alerts.routing=classpath:test-alerts/incident-routing.yaml"));
    }

    @Test
    void concurrentDeclarationsOnTwoReplicasOpenOneIncidentAndOneRoomPerPlatform() throws Exception {
        var a = replica();
        var b = replica();
        var origin = Conversation.of(Platform.SLACK, "CREPLICAS01");
        var zhang = new Actor(Platform.SLACK, "U0ZHANGSAN", "zhang");
        var form = new InboundAction(origin, zhang, "incident.declare-form:" + UUID.randomUUID(), "",
                Map.of("severity", "P0", "title", "api gateway down"));
        var pool = Executors.newFixedThreadPool(12);
        var start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            var ctx = n % 2 == 0 ? a : b;
            boolean typed = n % 3 == 0;
            calls.add(pool.submit(() -> {
                start.await();
                if (typed) {
                    ctx.getBean(Commands.class).handle(new InboundCommand(origin, zhang, "incident declare P0 api gateway down"));
                } else {
                    ctx.getBean(ActionRouter.class).route(form);
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : calls) {
            f.get();
        }
        pool.shutdown();

        var db = a.getBean(JdbcClient.class);
        assertThat(db.sql("select count(*) from incident").query(Long.class).single()).isEqualTo(1);
        String id = db.sql("select id from incident").query(String.class).single();
        await().atMost(WAIT).until(() -> slackRooms(id).size() == 1 && slackRooms(id).get(0).members().size() == 5
                && feishuRooms(id).size() == 1 && feishuRooms(id).get(0).members().size() == 4);
        Thread.sleep(1000);
        assertThat(slackRooms(id)).hasSize(1);
        assertThat(feishuRooms(id)).hasSize(1);
        assertThat(slackRooms(id).get(0).members()).containsExactlyInAnyOrder("UBOT0WARROOM", "U0ZHANGSAN", "U0LISI",
                "U0ZHAOLIU", "U0SUNBA");
        String channel = slackRooms(id).get(0).id();
        await().atMost(WAIT).until(() -> slack.posted(channel).stream()
                .anyMatch(p -> p.text() != null && p.text().contains(id) && slack.pinned(channel, p.ts())));
        assertThat(slack.posted(channel).stream().filter(p -> p.text() != null && p.text().contains("P0 · " + id)))
                .as("one card in the room").hasSize(1);
    }

    @Test
    void aReplicaThatStopsBetweenCreatingTheRoomsAndInvitingIsFinishedByAnother() throws Exception {
        // The platforms accept creations but not invitations yet: the first replica gets exactly that far.
        slack.down("conversations.invite", true);
        feishu.down("/members", true);
        var first = replica();
        first.getBean(Commands.class).handle(new InboundCommand(Conversation.of(Platform.SLACK, "CCRASH01"),
                new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao"), "incident declare P0 orders down"));
        String id = first.getBean(JdbcClient.class).sql("select id from incident").query(String.class).single();
        await().atMost(WAIT).until(() -> slackRooms(id).size() == 1 && feishuRooms(id).size() == 1);
        assertThat(slackRooms(id).get(0).members()).containsExactly("UBOT0WARROOM");
        replicas.stop(first);

        slack.down("conversations.invite", false);
        feishu.down("/members", false);
        replica();
        await().atMost(WAIT).until(() -> slackRooms(id).get(0).members().size() == 5
                && feishuRooms(id).get(0).members().size() == 4);
        assertThat(slackRooms(id)).hasSize(1);
        assertThat(feishuRooms(id)).hasSize(1);
        assertThat(feishuRooms(id).get(0).members()).containsExactlyInAnyOrder(FakeFeishuOpenApi.BOT_OPEN_ID,
                "ou_zhangsan0001", "ou_lisi00000002", "ou_zhaoliu00004");
    }

    @Test
    void anAlertmanagerPairSendingAServiceDownGroupToBothReplicasDeclaresOnceAcrossARestart() throws Exception {
        var a = replica();
        var b = replica();
        String firing = AlertPayloads.group("ServiceDown", "test", "inc-auto", "service", "backend")
                .common("severity", "critical").firing("5d9a", "backend-1", Instant.now().minusSeconds(20)).json();
        // Each Alertmanager of the HA pair sends every notification, to each replica behind the load balancer.
        var pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            var ctx = n % 2 == 0 ? a : b;
            sent.add(pool.submit(() -> post(ctx, firing)));
        }
        for (var f : sent) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        var db = a.getBean(JdbcClient.class);
        await().atMost(WAIT).until(() -> db.sql("select count(*) from incident").query(Long.class).single() == 1);
        String id = db.sql("select id from incident").query(String.class).single();
        await().atMost(WAIT).until(() -> slackRooms(id).size() == 1 && feishuRooms(id).size() == 1);
        assertThat(db.sql("select severity from incident").query(String.class).single()).isEqualTo("P0");

        // Both replicas go; the group resolves and fires again while a new one runs: still the same incident.
        replicas.stopAll();
        var c = replica();
        Instant again = Instant.now();
        assertThat(post(c, AlertPayloads.group("ServiceDown", "test", "inc-auto", "service", "backend")
                .common("severity", "critical").resolved("5d9a", "backend-1", Instant.now().minusSeconds(20), again).json()))
                .isEqualTo(200);
        assertThat(post(c, AlertPayloads.group("ServiceDown", "test", "inc-auto", "service", "backend")
                .common("severity", "critical").firing("5d9a", "backend-1", again.plusSeconds(1)).json())).isEqualTo(200);
        Thread.sleep(3000);
        var db2 = c.getBean(JdbcClient.class);
        assertThat(db2.sql("select count(*) from incident").query(Long.class).single()).isEqualTo(1);
        assertThat(db2.sql("select count(*) from scheduled_task where kind = 'incident.auto-declare'").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(slackRooms(id)).hasSize(1);
        assertThat(feishuRooms(id)).hasSize(1);
    }

    private static int post(ConfigurableApplicationContext ctx, String json) throws Exception {
        int port = Replicas.port(ctx);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/alerts/alertmanager")).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<FakeSlackApi.Channel> slackRooms(String id) {
        return slack.channels().stream().filter(c -> c.name().startsWith(id.toLowerCase())).toList();
    }

    private List<FakeFeishuOpenApi.Chat> feishuRooms(String id) {
        return feishu.chats().stream().filter(c -> c.name().contains(id)).toList();
    }
}
