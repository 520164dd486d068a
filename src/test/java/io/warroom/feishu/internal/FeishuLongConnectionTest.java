package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.InboundConnection;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Feishu over the long connection (长连接) against a local server speaking its protocol
 * ({@link FakeFeishuLongConnection}): only the app id and secret are configured; messages and card callbacks
 * arrive as protobuf data frames and are answered with response frames within Feishu's 3 s by the same code
 * as the HTTP endpoint; the approval flow runs end to end; a connection dropped in the middle of a command,
 * a redelivered message and a message split into parts lose nothing and do nothing twice; pings carry the
 * service id and the pong's client config is followed; {@code /feishu/events} does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:feishu-long;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.feishu.mode=long-connection",
        "warroom.feishu.app-id=" + FakeFeishuOpenApi.APP_ID,
        "warroom.feishu.app-secret=" + FakeFeishuOpenApi.APP_SECRET,
        "warroom.feishu.long-connection.reconnect-min=200ms",
        "warroom.feishu.long-connection.reconnect-max=2s",
        "warroom.delivery.initial-backoff=200ms"})
@DirtiesContext // closed after the class: its connection would otherwise keep looking for the stopped fake
class FeishuLongConnectionTest {

    static final FakeFeishuOpenApi FAKE = FakeFeishuOpenApi.separate();
    static final FakeFeishuLongConnection WS = new FakeFeishuLongConnection();
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ZHAO = "ou_zhaoliu00004";
    static final String LI = "ou_lisi00000002";
    static final String WANG = "ou_wangwu000003";

    @DynamicPropertySource
    static void feishu(DynamicPropertyRegistry registry) {
        WS.pingSeconds(1);
        FAKE.longConnection(WS);
        registry.add("warroom.feishu.base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopServers() {
        WS.close();
        FAKE.stop();
    }

    @AfterEach
    void feishuAcceptedEveryCard() {
        assertThat(FAKE.refusals()).isEmpty();
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;
    @Autowired MeterRegistry meters;
    @Autowired @Qualifier("feishuConnection") InboundConnection connection;

    private static String newGroup() {
        String chat = "oc_l" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        FAKE.addChat(chat, "group", ZHAO, LI, WANG);
        return chat;
    }

    private void connected() {
        await().atMost(WAIT).until(() -> WS.openConnections() == 1 && connection.isConnected());
    }

    private static FakeFeishuLongConnection.Answer answer(String messageId) {
        return await().atMost(WAIT).until(() -> WS.answers(messageId).stream().findFirst().orElse(null), a -> a != null);
    }

    private static FakeFeishuOpenApi.Message awaitCard(String chat, String text) {
        return await().atMost(WAIT).until(() -> FAKE.messagesTo(chat).stream()
                .filter(m -> m.cardText().contains(text)).findFirst().orElse(null), m -> m != null);
    }

    private String state(String id) {
        return jdbc.sql("select state from approval_request where public_id = ?").param(id).query(String.class).single();
    }

    @Test
    void theApprovalFlowRunsOverTheLongConnection() {
        connected();
        String chat = newGroup();
        long started = System.nanoTime();
        String command = WS.send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", ZHAO,
                "/warroom scale agent -n after-sales-prod --replicas 3", true));
        FakeFeishuLongConnection.Answer ack = answer(command);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered inside Feishu's 3 s").isLessThan(Duration.ofSeconds(3));
        assertThat(ack.code()).isEqualTo(200);
        assertThat(FakeFeishuLongConnection.headersOf(ack)).containsKeys("biz_rt", "message_id", "trace_id");

        FakeFeishuOpenApi.Message card = awaitCard(chat, "待审批：scale agent");
        String id = FeishuRequests.callbackValue(FeishuRequests.button(card.card(), "approval.approve", null)).path("v").asText();

        JsonNode own = answer(WS.send(FeishuRequests.click(FeishuRequests.newEventId(), ZHAO, chat, card.id(),
                "approval.approve", id))).data();
        assertThat(own.path("toast").path("type").asText()).isEqualTo("error");
        assertThat(own.path("toast").path("content").asText()).contains("不能自己审批");

        String eventId = FeishuRequests.newEventId();
        JsonNode ok = answer(WS.send(FeishuRequests.click(eventId, LI, chat, card.id(), "approval.approve", id))).data();
        assertThat(ok.path("toast").path("type").asText()).isEqualTo("success");
        assertThat(ok.path("card").path("type").asText()).isEqualTo("raw");
        assertThat(FeishuCardRules.check(ok.path("card").path("data"))).isEmpty();
        // The same callback delivered again is answered and changes nothing.
        assertThat(answer(WS.send(FeishuRequests.click(eventId, LI, chat, card.id(), "approval.approve", id))).code())
                .isEqualTo(200);

        await().atMost(WAIT).until(() -> state(id).equals("EXECUTED"));
        await().atMost(WAIT).until(() -> FAKE.message(card.id()).cardText().contains("已完成：scale agent"));
        var kinds = timeline.entries("conversation:feishu:" + chat).stream().map(TimelineEntry::kind).toList();
        assertThat(kinds).containsSubsequence("approval.requested", "command.received", "approval.click-refused",
                "approval.granted", "action.executed");
        assertThat(kinds.stream().filter("action.executed"::equals).count()).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedDuringACommandReconnectsAndRunsItOnce() {
        connected();
        String chat = newGroup();
        int before = WS.connections();
        var message = FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI, "/warroom help", true);
        WS.sendAndDrop(message);
        await().atMost(WAIT).until(() -> WS.connections() > before && WS.openConnections() == 1);
        // No answer came back on the broken connection: Feishu delivers the message again.
        String again = WS.send(message);
        assertThat(answer(again).code()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !FAKE.messagesTo(chat).isEmpty());
        pause(1500);
        assertThat(FAKE.messagesTo(chat)).as("answered once").hasSize(1);
        await().atMost(WAIT).until(connection::isConnected);
        assertThat(connection.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.counter("warroom.chat.socket.reconnects", "platform", "feishu", "reason", "lost").count())
                .isGreaterThanOrEqualTo(1);
        assertThat(WS.refused()).as("every URL used once").isZero();
    }

    @Test
    void aRedeliveredMessageIsAnsweredButRunOnceAndSplitMessagesAreJoined() {
        connected();
        String chat = newGroup();
        var message = FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI, "/warroom help", true);
        assertThat(answer(WS.send(message, 3)).code()).as("a message in three frames").isEqualTo(200);
        assertThat(answer(WS.send(message)).code()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !FAKE.messagesTo(chat).isEmpty());
        pause(1500);
        assertThat(FAKE.messagesTo(chat)).hasSize(1);
    }

    @Test
    void pingsCarryTheServiceIdAtTheIntervalFeishuGives() {
        connected();
        int before = WS.pings().size();
        await().atMost(WAIT).until(() -> WS.pings().size() >= before + 2);
        assertThat(WS.pings()).containsOnly(FakeFeishuLongConnection.SERVICE_ID);
    }

    @Test
    void theHttpEndpointDoesNotExistWithTheLongConnection() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/feishu/events")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
