package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.WarroomApplication;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.support.EmbeddedPostgresInitializer;
import io.warroom.support.FakePlatforms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * War rooms open once across replicas and crashes: two Warroom instances on one PostgreSQL receive the same
 * declaration many times at once (a form sent twice on each, the same command typed again), and one
 * instance stops after creating the rooms but before its invitations went out, another takes over. Each ends
 * with one incident, one room per platform and everyone invited.
 */
class TwoReplicasWarRoomTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private final FakeSlackApi slack = new FakeSlackApi(Duration.ofMillis(200));
    private final FakeFeishuOpenApi feishu = FakeFeishuOpenApi.fresh();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        slack.close();
    }

    private ConfigurableApplicationContext replica(String url) {
        var ctx = new SpringApplicationBuilder(WarroomApplication.class).run(FakePlatforms.arguments(slack, feishu,
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--warroom.delivery.poll-interval=100ms", "--warroom.delivery.initial-backoff=200ms",
                "--warroom.delivery.lease=3s"));
        replicas.add(ctx);
        return ctx;
    }

    private static String database() {
        return EmbeddedPostgresInitializer.newDatabaseUrl("rooms_" + Long.toHexString(System.nanoTime()));
    }

    @Test
    void concurrentDeclarationsOnTwoReplicasOpenOneIncidentAndOneRoomPerPlatform() throws Exception {
        String url = database();
        var a = replica(url);
        var b = replica(url);
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
        String url = database();
        // The platforms accept creations but not invitations yet: the first replica gets exactly that far.
        slack.down("conversations.invite", true);
        feishu.down("/members", true);
        var first = replica(url);
        first.getBean(Commands.class).handle(new InboundCommand(Conversation.of(Platform.SLACK, "CCRASH01"),
                new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao"), "incident declare P0 orders down"));
        String id = first.getBean(JdbcClient.class).sql("select id from incident").query(String.class).single();
        await().atMost(WAIT).until(() -> slackRooms(id).size() == 1 && feishuRooms(id).size() == 1);
        assertThat(slackRooms(id).get(0).members()).containsExactly("UBOT0WARROOM");
        first.close();

        slack.down("conversations.invite", false);
        feishu.down("/members", false);
        replica(url);
        await().atMost(WAIT).until(() -> slackRooms(id).get(0).members().size() == 5
                && feishuRooms(id).get(0).members().size() == 4);
        assertThat(slackRooms(id)).hasSize(1);
        assertThat(feishuRooms(id)).hasSize(1);
        assertThat(feishuRooms(id).get(0).members()).containsExactlyInAnyOrder(FakeFeishuOpenApi.BOT_OPEN_ID,
                "ou_zhangsan0001", "ou_lisi00000002", "ou_zhaoliu00004");
    }

    private List<FakeSlackApi.Channel> slackRooms(String id) {
        return slack.channels().stream().filter(c -> c.name().startsWith(id.toLowerCase())).toList();
    }

    private List<FakeFeishuOpenApi.Chat> feishuRooms(String id) {
        return feishu.chats().stream().filter(c -> c.name().contains(id)).toList();
    }
}
