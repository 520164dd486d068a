package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /feishu/events} over real HTTP, with requests encrypted and signed as Feishu does. */
class FeishuEventsTest extends FeishuAppTestBase {

    // Roster people (bot/roster/demo-roster.yaml) and their Feishu open_ids.
    static final String LI_SI = "ou_lisi00000002";
    static final String WANG_WU = "ou_wangwu000003";

    @Autowired ObjectMapper json;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;
    @Autowired RecordingHandler handler;

    private static String newGroup() {
        String chat = "oc_g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        FAKE.addChat(chat, "group", LI_SI, WANG_WU);
        return chat;
    }

    private double rejected(String reason) {
        Counter c = meters.find("warroom.inbound.rejected").tags("endpoint", "feishu", "reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    private long inboundRows() {
        return jdbc.sql("select count(*) from inbound_delivery where source = 'feishu'").query(Long.class).single();
    }

    private static FakeFeishuOpenApi.Message awaitOne(String target, java.util.function.Predicate<FakeFeishuOpenApi.Message> match) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> FAKE.messagesTo(target).stream().filter(match).findFirst().orElse(null), m -> m != null);
    }

    private static FakeFeishuOpenApi.Message awaitCard(String target, String text) {
        return awaitOne(target, m -> m.cardText().contains(text));
    }

    @Test
    void anEncryptedUrlVerificationIsAnsweredWithTheChallenge() throws Exception {
        ObjectNode challenge = json.createObjectNode().put("challenge", "ch-" + UUID.randomUUID())
                .put("token", FeishuRequests.VERIFICATION_TOKEN).put("type", "url_verification");
        String body = FeishuRequests.encryptedBody(challenge.toString(), FeishuRequests.ENCRYPT_KEY);

        // Unsigned, as Feishu may send it when the URL is saved; and signed.
        HttpResponse<String> unsigned = feishu().post(body, null, null, null);
        assertThat(unsigned.statusCode()).isEqualTo(200);
        assertThat(json.readTree(unsigned.body()).path("challenge").asText()).isEqualTo(challenge.path("challenge").asText());
        HttpResponse<String> signed = feishu().send(challenge);
        assertThat(json.readTree(signed.body()).path("challenge").asText()).isEqualTo(challenge.path("challenge").asText());

        double before = rejected("token");
        challenge.put("token", "not-the-token");
        HttpResponse<String> wrong = feishu().post(FeishuRequests.encryptedBody(challenge.toString(),
                FeishuRequests.ENCRYPT_KEY), null, null, null);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain("challenge").doesNotContain(FeishuRequests.VERIFICATION_TOKEN);
        assertThat(rejected("token")).isEqualTo(before + 1);
    }

    @Test
    void helpInAGroupIsAnEphemeralCardInChineseForTheAsker() throws Exception {
        String chat = newGroup();
        HttpResponse<String> r = feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI,
                "help", true));
        assertThat(r.statusCode()).isEqualTo(200);

        FakeFeishuOpenApi.Message reply = awaitCard(chat, "Warroom 命令");
        assertThat(reply.ephemeralFor()).isEqualTo(LI_SI);
        JsonNode card = reply.card();
        assertThat(card.path("config").path("update_multi").asBoolean()).isTrue();
        assertThat(card.path("header").path("template").asText()).isEqualTo("blue");
        assertThat(card.toString()).contains("/warroom oncall &#91;role&#93;");
    }

    @Test
    void aMentionWithSlashWarroomRunsTheSameCommandAndPostsInTheGroup() throws Exception {
        String chat = newGroup();
        // Not mentioned: not for Warroom.
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI, "test-card", false));
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", WANG_WU, "/warroom oncall", true));

        FakeFeishuOpenApi.Message card = awaitCard(chat, "当前值班");
        assertThat(card.ephemeralFor()).isNull();
        assertThat(card.parentId()).isNull();
        assertThat(FAKE.messagesTo(chat)).noneMatch(m -> m.cardText().contains("Test card"));
    }

    @Test
    void aDirectMessageNeedsNoMentionAndEphemeralRepliesBecomeDirectMessages() throws Exception {
        String p2p = "oc_p2p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        FAKE.addChat(p2p, "p2p", WANG_WU);
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), p2p, "p2p", WANG_WU, "oncall", false));
        awaitCard(p2p, "当前值班");

        // whoami answers the asker only: no ephemeral cards in one-to-one chats, so a direct message.
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), p2p, "p2p", WANG_WU, "whoami", false));
        FakeFeishuOpenApi.Message dm = awaitCard(WANG_WU, "wang.wu");
        assertThat(dm.ephemeralFor()).isNull();
    }

    @Test
    void aCommandInAThreadIsAnsweredInThatThread() throws Exception {
        String chat = newGroup();
        // A root message of the chat (posted by the bot here), and a user's mention inside its thread.
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI, "test-card", true));
        String root = awaitCard(chat, "Test card").id();
        ObjectNode inThread = FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI, "oncall", true);
        ((ObjectNode) inThread.path("event").path("message")).put("root_id", root).put("parent_id", root)
                .put("thread_id", "omt_" + root);
        feishu().send(inThread);

        FakeFeishuOpenApi.Message reply = awaitCard(chat, "当前值班");
        assertThat(reply.parentId()).isEqualTo(root);
        assertThat(reply.inThread()).isTrue();
    }

    @Test
    void aRepeatedEventIsHandledOnce() throws Exception {
        String chat = newGroup();
        ObjectNode event = FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI, "oncall", true);
        double duplicates = meters.counter("warroom.inbound.duplicate", "endpoint", "feishu").count();
        assertThat(feishu().send(event).statusCode()).isEqualTo(200);
        assertThat(feishu().send(event).statusCode()).isEqualTo(200);

        awaitCard(chat, "当前值班");
        assertThat(meters.counter("warroom.inbound.duplicate", "endpoint", "feishu").count()).isEqualTo(duplicates + 1);
        Thread.sleep(700);
        assertThat(FAKE.messagesTo(chat)).hasSize(1);
    }

    @Test
    void forgedStaleUndecryptableMalformedAndUnsignedRequestsAreRefusedAndChangeNothing() throws Exception {
        String chat = newGroup();
        long rows = inboundRows();
        String event = FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI, "oncall", true).toString();
        String body = FeishuRequests.encryptedBody(event, FeishuRequests.ENCRYPT_KEY);
        String now = Long.toString(Instant.now().getEpochSecond());

        record Case(String reason, int status, String body, String timestamp, String nonce, String signature) {
        }
        String old = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());
        String future = Long.toString(Instant.now().plusSeconds(600).getEpochSecond());
        String otherKeyBody = FeishuRequests.encryptedBody(event, "some-other-key");
        String notJson = "{\"encrypt\": ";
        String badCipher = json.createObjectNode().put("encrypt", "bm90IGVuY3J5cHRlZCBhdCBhbGwhIQ==").toString();
        List<Case> cases = List.of(
                new Case("signature", 401, body, now, "n1", FeishuRequests.sign(now, "n1", "wrong-key", body)),
                new Case("signature", 401, body, now, "n1", FeishuRequests.sign(now, "n2", FeishuRequests.ENCRYPT_KEY, body)),
                new Case("stale", 401, body, old, "n1", FeishuRequests.sign(old, "n1", FeishuRequests.ENCRYPT_KEY, body)),
                new Case("stale", 401, body, future, "n1", FeishuRequests.sign(future, "n1", FeishuRequests.ENCRYPT_KEY, body)),
                new Case("undecryptable", 400, otherKeyBody, now, "n1",
                        FeishuRequests.sign(now, "n1", FeishuRequests.ENCRYPT_KEY, otherKeyBody)),
                new Case("undecryptable", 400, badCipher, now, "n1",
                        FeishuRequests.sign(now, "n1", FeishuRequests.ENCRYPT_KEY, badCipher)),
                new Case("malformed", 400, notJson, now, "n1", FeishuRequests.sign(now, "n1", FeishuRequests.ENCRYPT_KEY, notJson)),
                new Case("signature-missing", 401, body, null, null, null),
                new Case("signature-missing", 401, body, now, null, FeishuRequests.sign(now, "n1", FeishuRequests.ENCRYPT_KEY, body)));
        for (Case c : cases) {
            double before = rejected(c.reason());
            HttpResponse<String> r = feishu().post(c.body(), c.timestamp(), c.nonce(), c.signature());
            assertThat(r.statusCode()).as(c.toString()).isEqualTo(c.status());
            assertThat(rejected(c.reason())).as(c.reason()).isEqualTo(before + 1);
        }
        // Correctly signed and encrypted, but not with the app's verification token.
        ObjectNode wrongToken = FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI, "oncall", true);
        ((ObjectNode) wrongToken.path("header")).put("token", "stolen-or-stale-token");
        double before = rejected("token");
        assertThat(feishu().send(wrongToken).statusCode()).isEqualTo(403);
        assertThat(rejected("token")).isEqualTo(before + 1);

        // The same event, sent properly, still runs: none of the above recorded or answered anything.
        Thread.sleep(300);
        assertThat(FAKE.messagesTo(chat)).isEmpty();
        assertThat(inboundRows()).isEqualTo(rows);
        feishu().send((ObjectNode) json.readTree(event));
        awaitCard(chat, "当前值班");
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnored() throws Exception {
        ObjectNode event = FeishuRequests.envelope("im.chat.member.user.added_v1", FeishuRequests.newEventId(),
                FeishuRequests.VERIFICATION_TOKEN);
        event.putObject("event").put("chat_id", "oc_whatever");
        HttpResponse<String> r = feishu().send(event);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).isEmpty()).isTrue();
    }

    @Test
    void aButtonClickIsRoutedWithThePersonAndValueAndAnsweredWithAToast() throws Exception {
        String chat = newGroup();
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", WANG_WU, "test-card", true));
        FakeFeishuOpenApi.Message card = awaitCard(chat, "Test card");
        JsonNode okButton = FeishuRequests.button(card.card(), "test.click", "ok");

        int before = handler.seen.size();
        HttpResponse<String> ok = feishu().send(FeishuRequests.press(FeishuRequests.newEventId(), LI_SI, chat, card.id(),
                okButton));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode toast = json.readTree(ok.body()).path("toast");
        assertThat(toast.path("type").asText()).isEqualTo("success");
        assertThat(toast.path("content").asText()).isEqualTo("clicked ok");
        Seen seen = handler.seen.get(before);
        assertThat(seen.person()).isEqualTo("li.si");
        assertThat(seen.action().value()).isEqualTo("ok");
        assertThat(seen.action().messageRef()).isEqualTo(card.id());
        assertThat(seen.action().conversation().channel()).isEqualTo(chat);

        ObjectNode refusedClick = FeishuRequests.click(FeishuRequests.newEventId(), LI_SI, chat, card.id(), "test.click", "no");
        JsonNode refused = json.readTree(feishu().send(refusedClick).body()).path("toast");
        assertThat(refused.path("type").asText()).isEqualTo("error");
        assertThat(refused.path("content").asText()).isEqualTo("not you");

        // Feishu delivers the same callback again: answered, not handled twice.
        int handled = handler.seen.size();
        JsonNode again = json.readTree(feishu().send(refusedClick).body()).path("toast");
        assertThat(again.path("content").asText()).isEqualTo("已处理过。");
        assertThat(handler.seen).hasSize(handled);

        JsonNode unknown = json.readTree(feishu().send(FeishuRequests.click(FeishuRequests.newEventId(), LI_SI, chat,
                card.id(), "nobody.owns.this", "1")).body()).path("toast");
        assertThat(unknown.path("type").asText()).isEqualTo("error");
        assertThat(unknown.path("content").asText()).contains("无法识别");
    }

    @Test
    void userTextCannotMentionEveryoneThroughWarroomsCards() throws Exception {
        String chat = newGroup();
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI,
                "note rollback done <at id=all></at> <at user_id=\"all\"></at> [x](https://evil.example) **b**", true));
        FakeFeishuOpenApi.Message reply = awaitCard(chat, "rollback done");
        JsonNode card = reply.card();
        assertThat(card.path("schema").asText()).isEqualTo("2.0");
        List<String> markdown = new java.util.ArrayList<>();
        card.findParents("tag").forEach(n -> {
            if (n.path("tag").asText().equals("markdown")) {
                markdown.add(n.path("content").asText());
            }
        });
        assertThat(String.join("\n", markdown)).doesNotContain("<at", "](https://evil");
        assertThat(reply.cardText()).contains("<at id=all></at>");
    }

    @Test
    void aFormIsShownToTheAskerAndItsSubmissionReachesTheHandler() throws Exception {
        String chat = newGroup();
        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", LI_SI, "test-form", true));
        // A form must not be missed: it waits in a direct message rather than an ephemeral card.
        FakeFeishuOpenApi.Message card = awaitOne(LI_SI, m -> m.cardText().contains("Handoff"));
        assertThat(card.ephemeralFor()).isNull();
        assertThat(card.card().path("schema").asText()).isEqualTo("2.0");

        ObjectNode empty = FeishuRequests.submit(FeishuRequests.newEventId(), LI_SI, chat, card.id(), card.card(),
                java.util.Map.of("summary", "", "severity", "P2"));
        JsonNode invalid = json.readTree(feishu().send(empty).body()).path("toast");
        assertThat(invalid.path("type").asText()).isEqualTo("error");
        assertThat(invalid.path("content").asText()).isEqualTo("请修正：summary: required");

        ObjectNode filled = FeishuRequests.submit(FeishuRequests.newEventId(), LI_SI, chat, card.id(), card.card(),
                java.util.Map.of("summary", "db failover done", "severity", "P1"));
        JsonNode done = json.readTree(feishu().send(filled).body()).path("toast");
        assertThat(done.path("type").asText()).isEqualTo("success");
        Seen seen = handler.seen.get(handler.seen.size() - 1);
        assertThat(seen.person()).isEqualTo("li.si");
        assertThat(seen.action().formValues()).containsEntry("summary", "db failover done").containsEntry("severity", "P1");
    }
}
