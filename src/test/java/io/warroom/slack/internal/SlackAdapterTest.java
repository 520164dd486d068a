package io.warroom.slack.internal;

import static io.warroom.slack.internal.SignedSlack.selectValue;
import static io.warroom.slack.internal.SignedSlack.textValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.timeline.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Slack adapter end to end: signed requests over real HTTP into the running app, answers checked in
 * a stateful fake of Slack's Web API that enforces the per-channel posting limit. The outbox dispatcher
 * runs, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-adapter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
        "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.directory.roster=classpath:rosters/slack-roster.yaml",
        "warroom.delivery.poll-interval=100ms",
        // Bursts above the fake's one post a second, so the Retry-After path is exercised.
        "warroom.delivery.limits.slack.per-channel.per-second=1", "warroom.delivery.limits.slack.per-channel.burst=3",
        "warroom.delivery.limits.slack.per-app.per-second=20", "warroom.delivery.limits.slack.per-app.burst=20"})
@Import(SlackTestFeatures.class)
class SlackAdapterTest {

    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofSeconds(1));
    static final Duration WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    @Autowired SlackTestFeatures.TestActions actions;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired Timeline timeline;
    @Autowired SlackChatGateway gateway;
    @Autowired ObjectMapper json;

    private SignedSlack slack() {
        return new SignedSlack(port);
    }

    private static String channel() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String trigger() {
        return "trig-" + UUID.randomUUID();
    }

    private FakeSlackApi.Ephemeral ephemeralTo(String channel, String user, String containing) {
        return await().atMost(WAIT).until(() -> FAKE.ephemerals(channel).stream()
                .filter(e -> e.user().equals(user) && e.text().contains(containing)).findFirst().orElse(null),
                e -> e != null);
    }

    private static List<JsonNode> elements(JsonNode blocks) {
        return StreamSupport.stream(blocks.spliterator(), false).filter(b -> b.path("type").asText().equals("actions"))
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false)).toList();
    }

    private double rejected(String reason) {
        var counter = meters.find("warroom.inbound.rejected").tags("endpoint", "slack", "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void helpIsAckedAtOnceAndAnsweredThroughTheWebApi() throws Exception {
        String ch = channel();
        long start = System.nanoTime();
        var response = slack().slashCommand("U0ZHANGSAN", ch, "help", trigger());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(millis).as("ack latency").isLessThan(1500);

        var reply = ephemeralTo(ch, "U0ZHANGSAN", "Warroom commands");
        assertThat(reply.text()).contains("/warroom whoami");
        assertThat(reply.blocks().get(0).path("type").asText()).isEqualTo("header");
        assertThat(FAKE.posted(ch)).as("help is for the asker only").isEmpty();
    }

    @Test
    void forgedStaleFutureUnsignedAndMalformedRequestsAreRefusedCountedAndChangeNothing() throws Exception {
        String ch = channel();
        String body = SignedSlack.slashCommandBody("U0ZHANGSAN", "zhang", ch, "help", trigger());
        long now = Instant.now().getEpochSecond();
        var slack = slack();
        Map<String, Double> before = Map.of("signature", rejected("signature"), "stale", rejected("stale"),
                "future", rejected("future"), "missing-headers", rejected("missing-headers"),
                "malformed", rejected("malformed"));

        var forged = new java.util.LinkedHashMap<>(SignedSlack.signature(body, now));
        forged.put("X-Slack-Signature", new com.slack.api.app_backend.SlackSignature.Generator("not-the-secret")
                .generate(Long.toString(now), body));
        assertThat(slack.send("application/x-www-form-urlencoded", body, forged).statusCode()).isEqualTo(401);
        assertThat(slack.send("application/x-www-form-urlencoded", body + "&text=admin",
                SignedSlack.signature(body, now)).statusCode()).as("tampered body").isEqualTo(401);
        assertThat(slack.send("application/x-www-form-urlencoded", body, SignedSlack.signature(body, now - 360))
                .statusCode()).as("replayed after 6 minutes").isEqualTo(401);
        assertThat(slack.send("application/x-www-form-urlencoded", body, SignedSlack.signature(body, now + 360))
                .statusCode()).as("timestamp 6 minutes ahead").isEqualTo(401);
        assertThat(slack.send("application/x-www-form-urlencoded", body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(slack.signedForm("payload=%7Bnot+json").statusCode()).isEqualTo(400);
        assertThat(slack.signedJson("{\"type\":\"event_callback\",\"event\":", Map.of()).statusCode()).isEqualTo(400);

        assertThat(rejected("signature") - before.get("signature")).isEqualTo(2);
        assertThat(rejected("stale") - before.get("stale")).isEqualTo(1);
        assertThat(rejected("future") - before.get("future")).isEqualTo(1);
        assertThat(rejected("missing-headers") - before.get("missing-headers")).isEqualTo(1);
        assertThat(rejected("malformed") - before.get("malformed")).isEqualTo(2);
        // A genuine request in another channel gets answered, so by then anything queued here would be too.
        String control = channel();
        slack.slashCommand("U0ZHANGSAN", control, "help", trigger());
        ephemeralTo(control, "U0ZHANGSAN", "Warroom commands");
        assertThat(FAKE.ephemerals(ch)).isEmpty();
        assertThat(FAKE.posted(ch)).isEmpty();
    }

    @Test
    void aMentionInAThreadIsAnsweredThereAndASlackRetryChangesNothing() throws Exception {
        String ch = channel();
        String thread = FAKE.seedMessage(ch, null, "database is slow");
        String mention = FAKE.seedMessage(ch, thread, "<@" + FakeSlackApi.BOT_USER + "> whoami");
        String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        var slack = slack();
        String body = slack.eventCallback(eventId, SignedSlack.appMention("U0ZHANGSAN", ch,
                "<@" + FakeSlackApi.BOT_USER + "> whoami", mention, thread));

        assertThat(slack.signedJson(body, Map.of()).statusCode()).isEqualTo(200);
        var reply = ephemeralTo(ch, "U0ZHANGSAN", "zhang.san");
        assertThat(reply.threadTs()).isEqualTo(thread);
        assertThat(slack.signedJson(body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode()).isEqualTo(200);

        // The retry is answered before we look again: a second reply would be queued by now.
        String control = channel();
        slack.slashCommand("U0ZHANGSAN", control, "help", trigger());
        ephemeralTo(control, "U0ZHANGSAN", "Warroom commands");
        Thread.sleep(500);
        assertThat(FAKE.ephemerals(ch)).hasSize(1);
    }

    @Test
    void aButtonClickReachesItsHandlerAsTheClickerOnceEvenWhenSlackRetriesIt() throws Exception {
        String ch = channel();
        var slack = slack();
        slack.slashCommand("U0ZHANGSAN", ch, "testcard", trigger());
        var card = await().atMost(WAIT).until(() -> FAKE.posted(ch).stream().findFirst().orElse(null), c -> c != null);
        JsonNode button = elements(card.blocks()).get(0);
        assertThat(button.path("action_id").asText()).isEqualTo("test.click");

        var click = SignedSlack.blockAction("U0LISI", ch, card.ts(), null, button.path("action_id").asText(),
                button.path("value").asText(), trigger());
        assertThat(slack.interaction(click).statusCode()).isEqualTo(200);
        assertThat(slack.interaction(click).statusCode()).as("Slack retrying the same interaction").isEqualTo(200);

        var told = ephemeralTo(ch, "U0LISI", "Done for li.si");
        var seen = actions.seen.stream().filter(s -> s.action().conversation().channel().equals(ch)).toList();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).personId()).isEqualTo("li.si");
        assertThat(seen.get(0).action().value()).isEqualTo("opaque-42");
        assertThat(seen.get(0).action().messageRef()).isEqualTo(card.ts());
        assertThat(seen.get(0).action().conversation().thread()).as("results go to the card's thread").isEqualTo(card.ts());
        assertThat(told.threadTs()).as("the clicker is told where they clicked").isNull();
        Thread.sleep(300);
        assertThat(FAKE.ephemerals(ch)).as("told once").hasSize(1);
    }

    @Test
    void aSlowClickIsAcknowledgedAtOnceAndItsOutcomeFollowsOnce() throws Exception {
        String ch = channel();
        var slack = slack();
        var click = SignedSlack.blockAction("U0LISI", ch, "1700000000.000200", null, "test.slow", "opaque-7", trigger());
        long start = System.nanoTime();
        assertThat(slack.interaction(click).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("ack before the slow handler ran")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(slack.interaction(click).statusCode()).as("a retry while it runs").isEqualTo(200);
        ephemeralTo(ch, "U0LISI", "Done for li.si");
        Thread.sleep(300);
        assertThat(actions.seen.stream().filter(s -> s.action().conversation().channel().equals(ch))).hasSize(1);
        assertThat(FAKE.ephemerals(ch)).hasSize(1);
    }

    @Test
    void userTextCannotPingTheChannelThroughWarroomsOwnMessages() throws Exception {
        String ch = channel();
        var slack = slack();
        slack.slashCommand("U0ZHANGSAN", ch, "note deploy done <!channel> <!here> <@U0LISI> <#C123|ops> &amp;", trigger());
        var told = ephemeralTo(ch, "U0ZHANGSAN", "Noted");
        String everything = told.text() + told.blocks();
        assertThat(everything).doesNotContain("<!channel>", "<!here>", "<@U0LISI>", "<#C123");
        slack.slashCommand("U0ZHANGSAN", ch, "nosuchcommand <!everyone>", trigger());
        var usage = ephemeralTo(ch, "U0ZHANGSAN", "nosuchcommand");
        assertThat(usage.text() + usage.blocks()).doesNotContain("<!everyone>");
    }

    @org.junit.jupiter.api.AfterEach
    void slackAcceptedEverythingWarroomSent() {
        assertThat(FAKE.refusals()).as("payloads the real Slack would refuse").isEmpty();
    }

    @Test
    void aFormOpensAsAModalKeepsItOpenOnFieldErrorsAndDeliversValidValues() throws Exception {
        String ch = channel();
        String trig = trigger();
        var slack = slack();
        assertThat(slack.slashCommand("U0ZHANGSAN", ch, "testform", trig).statusCode()).isEqualTo(200);
        var opened = await().atMost(WAIT).until(() -> FAKE.views().stream()
                .filter(v -> v.triggerId().equals(trig)).findFirst().orElse(null), v -> v != null);
        assertThat(opened.view().path("callback_id").asText()).isEqualTo(SlackTestFeatures.FORM_ID);
        String metadata = opened.view().path("private_metadata").asText();

        var bad = SignedSlack.viewSubmission("U0ZHANGSAN", opened.id(), SlackTestFeatures.FORM_ID, metadata,
                Map.of("reason", Map.of("reason", textValue("x")), "severity", Map.of("severity", selectValue("p1"))),
                trigger());
        var refused = slack.interaction(bad);
        assertThat(refused.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(refused.body());
        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(answer.path("errors").path("reason").asText()).contains("Say a little more");
        assertThat(actions.seen).noneMatch(s -> s.action().conversation().channel().equals(ch));

        var good = SignedSlack.viewSubmission("U0ZHANGSAN", opened.id(), SlackTestFeatures.FORM_ID, metadata,
                Map.of("reason", Map.of("reason", textValue("disk full")), "severity", Map.of("severity", selectValue("p1"))),
                trigger());
        var accepted = slack.interaction(good);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEmpty();
        var seen = actions.seen.stream().filter(s -> s.action().conversation().channel().equals(ch)).toList();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).action().actionId()).isEqualTo(SlackTestFeatures.FORM_ID);
        assertThat(seen.get(0).action().formValues()).isEqualTo(Map.of("reason", "disk full", "severity", "p1"));
        assertThat(seen.get(0).personId()).isEqualTo("zhang.san");
    }

    @Test
    void aSubmissionSlowerThanSlackWaitsClosesTheModalInTimeAndItsErrorsArriveAsAMessage() throws Exception {
        // A first request to a cold JVM pays for class loading; time the budget, not the warm-up.
        String warm = FormMetadata.of(Conversation.of(Platform.SLACK, channel()), SlackTestFeatures.FORM_ID).toJson();
        slack().interaction(SignedSlack.viewSubmission("U0ZHANGSAN", "V0WARM", SlackTestFeatures.FORM_ID, warm,
                Map.of("reason", Map.of("reason", textValue("warming up"))), trigger()));
        String ch = channel();
        String metadata = FormMetadata.of(Conversation.of(Platform.SLACK, ch), SlackTestFeatures.SLOW_FORM_ID).toJson();
        var submission = SignedSlack.viewSubmission("U0ZHANGSAN", "V0SLOW", SlackTestFeatures.SLOW_FORM_ID, metadata,
                Map.of("reason", Map.of("reason", textValue("disk"))), trigger());
        long start = System.nanoTime();
        var answer = slack().interaction(submission);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).as("the modal closes").isEmpty();
        assertThat(took).as("answered inside Slack's 3 s").isLessThan(Duration.ofMillis(2800))
                .isGreaterThanOrEqualTo(ViewSubmissionListener.BUDGET);
        ephemeralTo(ch, "U0ZHANGSAN", "Checked too slowly");
    }

    @Test
    void aFormWhoseTriggerExpiredIsOfferedBehindAButtonThatOpensItForItsUserOnly() throws Exception {
        String ch = channel();
        String stale = trigger();
        FAKE.expire(stale);
        var slack = slack();
        slack.slashCommand("U0ZHANGSAN", ch, "testform", stale);
        var offer = ephemeralTo(ch, "U0ZHANGSAN", "Test form");
        JsonNode button = elements(offer.blocks()).get(0);
        assertThat(button.path("action_id").asText()).isEqualTo(SlackChatGateway.OPEN_FORM_ACTION);

        String someoneElse = trigger();
        slack.interaction(SignedSlack.blockAction("U0LISI", ch, "1700000000.000100", null,
                button.path("action_id").asText(), button.path("value").asText(), someoneElse));
        String fresh = trigger();
        slack.interaction(SignedSlack.blockAction("U0ZHANGSAN", ch, "1700000000.000100", null,
                button.path("action_id").asText(), button.path("value").asText(), fresh));
        var opened = await().atMost(WAIT).until(() -> FAKE.views().stream()
                .filter(v -> v.triggerId().equals(fresh)).findFirst().orElse(null), v -> v != null);
        assertThat(opened.view().path("callback_id").asText()).isEqualTo(SlackTestFeatures.FORM_ID);
        assertThat(FAKE.views()).noneMatch(v -> v.triggerId().equals(someoneElse));
    }

    @Test
    void aPostThrottledWithRetryAfterArrivesLater() {
        String ch = channel();
        Conversation where = Conversation.of(Platform.SLACK, ch);
        tx.executeWithoutResult(s -> {
            for (String text : List.of("one", "two", "three")) {
                outbox.enqueue(Delivery.post(where, null, OutboundMessage.text(text), Priority.NORMAL));
            }
        });
        await().atMost(WAIT).until(() -> FAKE.posted(ch).size() == 3);
        assertThat(FAKE.posted(ch)).extracting(FakeSlackApi.Posted::text).containsExactlyInAnyOrder("one", "two", "three");
        assertThat(FAKE.throttled(ch)).as("the fake said 429 at least once").isPositive();
    }

    @Test
    void aUserMissingFromTheRosterActsAsThePersonWithTheirEmailButNeverAsSomeoneListedById() throws Exception {
        FAKE.user("U0NEWBIE", "new.bie@example.com");
        FAKE.user("U0IMPOSTOR", "zhang.san@example.com");
        FAKE.user("U0STRANGER", "stranger@example.org");
        var slack = slack();
        String ch = channel();
        slack.slashCommand("U0NEWBIE", ch, "whoami", trigger());
        slack.slashCommand("U0IMPOSTOR", ch, "whoami", trigger());
        slack.slashCommand("U0STRANGER", ch, "whoami", trigger());
        assertThat(ephemeralTo(ch, "U0NEWBIE", "Directory id").text()).contains("new.bie");
        ephemeralTo(ch, "U0IMPOSTOR", "I don't know who you are");
        ephemeralTo(ch, "U0STRANGER", "I don't know who you are");
    }

    @Test
    void aMemoReactionRecordsTheMessageAsANoteOnce() throws Exception {
        String ch = channel();
        String ts = FAKE.seedMessage(ch, null, "failed over to the replica at 10:02");
        var slack = slack();
        String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String body = slack.eventCallback(eventId, SignedSlack.reactionAdded("U0ZHANGSAN", "memo", ch, ts));
        assertThat(slack.signedJson(body, Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.signedJson(body, Map.of("X-Slack-Retry-Num", "1")).statusCode()).isEqualTo(200);
        String stranger = slack.eventCallback("Ev" + UUID.randomUUID().toString().substring(0, 8),
                SignedSlack.reactionAdded("U0NOBODY", "memo", ch, ts));
        assertThat(slack.signedJson(stranger, Map.of()).statusCode()).isEqualTo(200);
        String thumbs = slack.eventCallback("Ev" + UUID.randomUUID().toString().substring(0, 8),
                SignedSlack.reactionAdded("U0LISI", "+1", ch, ts));
        assertThat(slack.signedJson(thumbs, Map.of()).statusCode()).isEqualTo(200);

        ephemeralTo(ch, "U0ZHANGSAN", "Noted on the timeline");
        Thread.sleep(300);
        var notes = timeline.entries(Conversation.of(Platform.SLACK, ch).stream()).stream()
                .filter(e -> e.kind().equals("note.added")).toList();
        assertThat(notes).as("once, whatever the retries").hasSize(1);
        assertThat(notes.get(0).actor()).isEqualTo("zhang.san");
        assertThat(notes.get(0).summary()).isEqualTo("failed over to the replica at 10:02");
        ephemeralTo(ch, "U0ZHANGSAN", "Noted on the timeline");
    }

    @Test
    void creatingAChannelIsIdempotentPerKeyAndTheNameIsMadeValid() {
        String key = "warroom-" + UUID.randomUUID();
        String suffix = Long.toString(System.nanoTime());
        String id = gateway.createGroup("INC 42: 支付 Payments DOWN! " + suffix, List.of("U0ZHANGSAN", "U0LISI"), key);
        assertThat(gateway.createGroup("INC 42: 支付 Payments DOWN! " + suffix, List.of("U0ZHANGSAN", "U0LISI"), key))
                .isEqualTo(id);
        var created = FAKE.channels().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(created.name()).isEqualTo("inc-42-payments-down-" + suffix);
        assertThat(created.members()).contains("U0ZHANGSAN", "U0LISI");
        assertThat(FAKE.channels()).filteredOn(c -> c.name().startsWith("inc-42-payments-down-" + suffix)).hasSize(1);
    }

    @Test
    void aWarRoomChannelGetsItsTopicAndThePinnedCardThroughTheOutbox() {
        String key = "inc-" + UUID.randomUUID().toString().substring(0, 8);
        var room = Conversation.of(Platform.SLACK, Delivery.groupChannel(key));
        tx.executeWithoutResult(s -> {
            outbox.enqueue(Delivery.createGroup(Conversation.of(Platform.SLACK, "C0HOME"), key, "inc " + key,
                    List.of("U0LISI")));
            outbox.enqueue(Delivery.post(room, key + ":card", OutboundMessage.text("P0: backend down"), Priority.URGENT));
            outbox.enqueue(Delivery.pin(room, key + ":card"));
            outbox.enqueue(Delivery.setTopic(room, "P0 · backend down · investigating"));
        });
        var channel = await().atMost(WAIT).until(() -> FAKE.channels().stream()
                .filter(c -> c.name().equals("inc-" + key)).findFirst().orElse(null), c -> c != null);
        await().atMost(WAIT).until(() -> "P0 · backend down · investigating".equals(FAKE.topic(channel.id())));
        String ts = await().atMost(WAIT).until(() -> FAKE.posted(channel.id()).stream().findFirst()
                .map(FakeSlackApi.Posted::ts).orElse(null), t -> t != null);
        await().atMost(WAIT).until(() -> FAKE.pinned(channel.id(), ts));
        // Pinned twice (a retry after a lost answer) is still fine.
        gateway.pin(Conversation.of(Platform.SLACK, channel.id()), ts);
    }

    @Test
    void aTakenChannelNameIsReusedOnlyWhenThisBotCreatedIt() {
        String n = Long.toString(System.nanoTime());
        var ours = FAKE.seedChannel("ours-" + n, FakeSlackApi.BOT_USER);
        var theirs = FAKE.seedChannel("theirs-" + n, "U0SOMEONE");
        assertThat(gateway.createGroup("ours-" + n, List.of(), "k-" + UUID.randomUUID()))
                .as("created by us before a crash lost the record").isEqualTo(ours.id());
        String other = gateway.createGroup("theirs-" + n, List.of(), "k-" + UUID.randomUUID());
        assertThat(other).isNotEqualTo(theirs.id());
        assertThat(FAKE.channels()).filteredOn(c -> c.id().equals(other)).extracting(FakeSlackApi.Channel::name)
                .containsExactly("theirs-" + n + "-2");
    }

    @Test
    void webApiFailuresBecomeDeliveryErrorsTheOutboxUnderstands() {
        String ch = channel();
        gateway.post(Conversation.of(Platform.SLACK, ch), OutboundMessage.text("first"), null);
        assertThatThrownBy(() -> gateway.post(Conversation.of(Platform.SLACK, ch), OutboundMessage.text("second"), null))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        assertThatThrownBy(() -> gateway.post(Conversation.of(Platform.SLACK, "Xnowhere"), OutboundMessage.text("x"), null))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("channel_not_found").doesNotContain(FakeSlackApi.TOKEN);
                });
        assertThatThrownBy(() -> gateway.update(Conversation.of(Platform.SLACK, ch), "1.000001", OutboundMessage.text("x")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    }
}
