package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.InboundConnection;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
 * Slack in Socket Mode against a local server speaking Slack's protocol ({@link FakeSlackSocket}): Warroom
 * opens the connection with the app token, commands, clicks and events arrive as envelopes and are
 * acknowledged within Slack's 3 s by the same listeners as in HTTP mode; a connection dropped in the middle of
 * a command, a redelivered envelope and a refresh lose nothing and do nothing twice; {@code /slack/events}
 * does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-socket;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.mode=socket",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
        "warroom.slack.app-token=" + FakeSlackApi.APP_TOKEN,
        "warroom.slack.socket.reconnect-min=200ms",
        "warroom.slack.socket.reconnect-max=2s",
        "warroom.slack.socket.check-interval=1s",
        "warroom.delivery.poll-interval=100ms"})
@DirtiesContext // closed after the class: its connection would otherwise keep looking for the stopped fake
class SlackSocketModeTest {

    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofMillis(1));
    static final FakeSlackSocket SOCKET = new FakeSlackSocket();
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ZHAO = "U0ZHAOLIU";
    static final String LI = "U0LISI";

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        FAKE.socketMode(SOCKET);
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFakes() {
        SOCKET.close();
        FAKE.close();
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;
    @Autowired MeterRegistry meters;
    @Autowired @Qualifier("slackSocket") InboundConnection connection;
    private final ObjectMapper json = new ObjectMapper();

    private static String channel() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private void connected() {
        await().atMost(WAIT).until(() -> SOCKET.openConnections() == 1 && connection.isConnected());
    }

    private SlackSocketModeTest awaitAck(String envelopeId, int count) {
        await().atMost(WAIT).until(() -> SOCKET.acks(envelopeId).size() >= count);
        return this;
    }

    private int replies(String channel) {
        return FAKE.posted(channel).size() + FAKE.ephemerals(channel).size();
    }

    private static String approveValue(JsonNode blocks) {
        for (JsonNode block : blocks) {
            for (JsonNode e : block.path("elements")) {
                if (e.path("action_id").asText().equals("approval.approve")) {
                    return e.path("value").asText();
                }
            }
        }
        throw new AssertionError("no Approve button in " + blocks);
    }

    @Test
    void aCommandAndItsApprovalWorkOverSocketMode() {
        connected();
        String ch = channel();
        long started = System.nanoTime();
        String command = SOCKET.send("slash_commands",
                FakeSlackSocket.slashCommand(ZHAO, ch, "restart backend -n after-sales-prod", "trig-" + UUID.randomUUID()));
        awaitAck(command, 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("acknowledged well inside Slack's 3 s")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(SOCKET.acks(command).get(0).payload()).as("an empty ack: the answer comes through the outbox").isNull();

        var card = await().atMost(WAIT).until(() -> FAKE.posted(ch).stream()
                .filter(p -> p.blocks() != null && p.blocks().toString().contains("Approval needed: restart backend"))
                .findFirst().orElse(null), p -> p != null);
        String id = approveValue(card.blocks());

        awaitAck(SOCKET.send("interactive", SignedSlack.blockAction(ZHAO, ch, card.ts(), null, "approval.approve", id, "t1-" + ch)), 1);
        await().atMost(WAIT).until(() -> FAKE.ephemerals(ch).stream()
                .anyMatch(e -> e.user().equals(ZHAO) && e.text().contains("cannot approve it")));

        String first = SOCKET.send("interactive", SignedSlack.blockAction(LI, ch, card.ts(), null, "approval.approve", id, "t2-" + ch));
        String second = SOCKET.send("interactive", SignedSlack.blockAction(LI, ch, card.ts(), null, "approval.approve", id, "t3-" + ch));
        awaitAck(first, 1).awaitAck(second, 1);

        await().atMost(WAIT).until(() -> jdbc.sql("select state from approval_request where public_id = ?").param(id)
                .query(String.class).single().equals("EXECUTED"));
        await().atMost(WAIT).until(() -> FAKE.posted(ch).stream().anyMatch(p -> p.ts().equals(card.ts())
                && p.blocks().toString().contains("Done: restart backend")));
        var kinds = timeline.entries("conversation:slack:" + ch).stream().map(TimelineEntry::kind).toList();
        assertThat(kinds).containsSubsequence("approval.requested", "command.received", "approval.click-refused",
                "approval.granted", "action.executed");
        assertThat(kinds.stream().filter("action.executed"::equals).count()).isEqualTo(1);
        assertThat(meters.counter("warroom.chat.socket.messages", "platform", "slack", "type", "interactive",
                "outcome", "acked").count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aConnectionDroppedDuringACommandReconnectsAndRunsTheCommandOnce() {
        connected();
        String ch = channel();
        int greeted = SOCKET.greeted();
        int opens = FAKE.calls("apps.connections.open");
        String trigger = "trig-" + UUID.randomUUID();
        String command = SOCKET.sendAndDrop("slash_commands", FakeSlackSocket.slashCommand(LI, ch, "whoami", trigger));

        await().atMost(WAIT).until(() -> SOCKET.greeted() > greeted && SOCKET.openConnections() == 1);
        assertThat(FAKE.calls("apps.connections.open")).as("a new URL for every new connection").isGreaterThan(opens);
        // Slack got no ack on the broken connection: it delivers the envelope again on the new one.
        SOCKET.redeliver(command);
        await().atMost(WAIT).until(() -> SOCKET.acks(command).stream().anyMatch(a -> a.connection().isOpen()));

        await().atMost(WAIT).until(() -> replies(ch) >= 1);
        pause(1500);
        assertThat(replies(ch)).as("answered once").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from command_inbox where text = 'whoami' and channel = ?").param(ch)
                .query(Integer.class).single()).as("stored once").isEqualTo(1);
        await().atMost(WAIT).until(connection::isConnected);
        assertThat(connection.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.counter("warroom.chat.socket.reconnects", "platform", "slack", "reason", "lost").count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRedeliveredMentionIsAcknowledgedAgainButRunOnce() throws Exception {
        connected();
        String ch = channel();
        String ts = "1700000100.000100";
        var event = json.readValue(new SignedSlack(port).eventCallback("Ev" + UUID.randomUUID().toString().substring(0, 8),
                SignedSlack.appMention(LI, ch, "<@" + FakeSlackApi.BOT_USER + "> whoami", ts, null)), Map.class);
        String envelope = SOCKET.send("events_api", event);
        awaitAck(envelope, 1);
        SOCKET.redeliver(envelope);
        awaitAck(envelope, 2);
        await().atMost(WAIT).until(() -> replies(ch) >= 1);
        pause(1500);
        assertThat(replies(ch)).as("the repeat is acknowledged and ignored").isEqualTo(1);
    }

    @Test
    void aRefreshOpensTheNewConnectionFirstAndLosesNothing() {
        connected();
        String ch = channel();
        int greeted = SOCKET.greeted();
        double refreshes = meters.counter("warroom.chat.socket.reconnects", "platform", "slack", "reason",
                "refresh_requested").count();
        SOCKET.askRefresh();
        await().atMost(WAIT).until(() -> SOCKET.greeted() == greeted + 1 && SOCKET.openConnections() == 1);
        assertThat(meters.counter("warroom.chat.socket.reconnects", "platform", "slack", "reason",
                "refresh_requested").count()).isEqualTo(refreshes + 1);
        String command = SOCKET.send("slash_commands", FakeSlackSocket.slashCommand(LI, ch, "whoami", "trig-" + UUID.randomUUID()));
        awaitAck(command, 1);
        await().atMost(WAIT).until(() -> replies(ch) == 1);
        assertThat(SOCKET.refused()).as("no URL used twice").isZero();
    }

    @Test
    void theHttpEndpointDoesNotExistInSocketMode() throws Exception {
        var response = new SignedSlack(port).slashCommand(LI, channel(), "whoami", "trig-" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(meters.get("warroom.chat.socket.connected").tag("platform", "slack").gauge().value()).isIn(0.0, 1.0);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
