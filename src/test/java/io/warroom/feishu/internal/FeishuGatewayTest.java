package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Feishu gateway and Open API client against the stateful fake: chats, cards, tokens, rate limits. */
class FeishuGatewayTest extends FeishuAppTestBase {

    static final String ZHANG_SAN = "ou_zhangsan0001";
    static final String LI_SI = "ou_lisi00000002";
    static final String WANG_WU = "ou_wangwu000003";

    @Autowired List<ChatGateway> gateways;
    @Autowired Outbox outbox;
    @Autowired MeterRegistry meters;

    private ChatGateway gateway() {
        return gateways.stream().filter(g -> g.platform() == Platform.FEISHU).findFirst().orElseThrow();
    }

    private static OutboundMessage card(String text) {
        return OutboundMessage.builder().header("INC-7 database down").tone(OutboundMessage.Tone.DANGER).text(text).build();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private double membersRejected(String reason) {
        var c = meters.find("warroom.feishu.members.rejected").tags("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aGroupChatIsCreatedOnceAndCardsArePostedRepliedAndPatchedThere() {
        String name = unique("P0 war room ");
        String key = unique("incident-");
        List<String> members = List.of(ZHANG_SAN, LI_SI);
        String chat = gateway().createGroup(name, members, key);
        assertThat(gateway().createGroup(name, members, key)).isEqualTo(chat);
        assertThat(FAKE.chatsNamed(name)).hasSize(1);
        FakeFeishuOpenApi.Chat created = FAKE.chat(chat);
        assertThat(created.owner()).isEqualTo(ZHANG_SAN);
        assertThat(created.members()).contains(ZHANG_SAN, LI_SI, FakeFeishuOpenApi.BOT_OPEN_ID);

        double invalid = membersRejected("invalid");
        double gone = membersRejected("not-existed");
        Conversation room = Conversation.of(Platform.FEISHU, chat);
        assertThat(gateway().invite(room, List.of(WANG_WU, "not-an-open-id", "ou_gone0001")))
                .as("who was not added, with Feishu's reason")
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("not-an-open-id", "invalid", "ou_gone0001", "not_existed"));
        assertThat(FAKE.chat(chat).members()).contains(WANG_WU).doesNotContain("not-an-open-id", "ou_gone0001");
        assertThat(membersRejected("invalid")).isEqualTo(invalid + 1);
        assertThat(membersRejected("not-existed")).isEqualTo(gone + 1);

        String root = gateway().post(room, card("Primary is down"), null);
        String reply = gateway().post(room.inThread(root), OutboundMessage.text("Failover started"), null);
        gateway().update(room, root, card("Primary is back"));

        FakeFeishuOpenApi.Message posted = FAKE.message(root);
        assertThat(posted.chatId()).isEqualTo(chat);
        assertThat(posted.contents()).hasSize(2);
        assertThat(posted.card().path("header").path("template").asText()).isEqualTo("red");
        assertThat(posted.cardText()).contains("Primary is back").doesNotContain("Primary is down");
        FakeFeishuOpenApi.Message threaded = FAKE.message(reply);
        assertThat(threaded.parentId()).isEqualTo(root);
        assertThat(threaded.inThread()).isTrue();
        assertThat(threaded.cardText()).contains("Failover started");
    }

    @Test
    void whatAPersonMustNotMissWaitsInADirectMessageAndAnswersToWhatTheyTypedAreEphemeral() {
        String chat = unique("oc_");
        FAKE.addChat(chat, "group", LI_SI, "ou_gone_for_dm1");
        Conversation group = Conversation.of(Platform.FEISHU, chat);
        var form = OutboundMessage.builder().header("Handoff").form(new OutboundMessage.Form("handoff.submit", null, null,
                List.of(new OutboundMessage.Input("notes", "Notes", null, false, null, null)))).build();

        String formRef = gateway().openForm(group, LI_SI, null, form);
        assertThat(FAKE.message(formRef).target()).as("a form is a direct message").isEqualTo(LI_SI);
        assertThat(FAKE.message(formRef).ephemeralFor()).isNull();

        var withButton = OutboundMessage.builder().text("Acknowledge?").button("alert.ack", "Ack", "42", null).build();
        assertThat(FAKE.message(gateway().post(group, withButton, LI_SI)).target()).isEqualTo(LI_SI);

        String answer = gateway().post(group, OutboundMessage.text("You are zhang.san"), LI_SI);
        assertThat(FAKE.message(answer).ephemeralFor()).as("an answer to what they just typed").isEqualTo(LI_SI);

        // Outside the app's availability the bot cannot write to them directly: the form is shown in the chat.
        String fallback = gateway().openForm(group, "ou_gone_for_dm1", null, form);
        assertThat(FAKE.message(fallback).ephemeralFor()).isEqualTo("ou_gone_for_dm1");
        assertThat(FAKE.message(fallback).chatId()).isEqualTo(chat);
    }

    @Test
    void aRetriedPostWithTheSameKeyIsOneMessage() {
        String chat = "oc_u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        FAKE.addChat(chat, "group", LI_SI);
        var where = Conversation.of(Platform.FEISHU, chat);
        ChatGateway gateway = gateway();
        String first = gateway.post(where, OutboundMessage.text("once"), null, "warroom-42-" + chat);
        String again = gateway.post(where, OutboundMessage.text("once"), null, "warroom-42-" + chat);
        assertThat(again).isEqualTo(first);
        assertThat(FAKE.messagesTo(chat)).hasSize(1);
        gateway.post(where, OutboundMessage.text("another"), null, "warroom-43-" + chat);
        assertThat(FAKE.messagesTo(chat)).hasSize(2);
    }

    @Test
    void theOutboxCreatesTheGroupThenPostsAndUpdatesInIt() {
        String key = unique("inc-");
        String name = unique("INC war room ");
        Conversation group = Conversation.of(Platform.FEISHU, Delivery.groupChannel(key));
        outbox.enqueue(Delivery.createGroup(Conversation.of(Platform.FEISHU, "home"), key, name, List.of(LI_SI, WANG_WU)));
        outbox.enqueue(Delivery.post(group, key + ":status", card("Declared P0"), Priority.URGENT));
        outbox.enqueue(Delivery.pin(group, key + ":status"));
        outbox.enqueue(Delivery.setTopic(group, "P0 backend down · investigating"));

        FakeFeishuOpenApi.Chat chat = await().atMost(Duration.ofSeconds(15))
                .until(() -> FAKE.chatsNamed(name).stream().findFirst().orElse(null), c -> c != null);
        assertThat(chat.owner()).isEqualTo(LI_SI);
        assertThat(chat.members()).contains(LI_SI, WANG_WU);
        await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.messagesTo(chat.id()).size() == 1);
        String cardId = FAKE.messagesTo(chat.id()).get(0).id();
        await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.pinned(cardId));
        await().atMost(Duration.ofSeconds(15)).until(() -> "P0 backend down · investigating".equals(FAKE.description(chat.id())));
        // Once posted, an update is a PATCH of that card (queued earlier, it would have been coalesced).
        outbox.enqueue(Delivery.update(group, key + ":status", card("Mitigated"), Priority.NORMAL));
        await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.messagesTo(chat.id()).stream()
                .anyMatch(m -> m.contents().size() == 2 && m.cardText().contains("Mitigated")));
        assertThat(FAKE.messagesTo(chat.id())).hasSize(1);
    }

    @Test
    void whenAnotherBotUsedUpTheChatsQuotaPostsAreDeliveredAfterTheReset() {
        String chat = unique("oc_busy");
        FAKE.addChat(chat, "group", LI_SI);
        int limitedBefore = FAKE.rateLimited();
        FAKE.saturate(chat);
        for (int i = 1; i <= 3; i++) {
            outbox.enqueue(Delivery.post(Conversation.of(Platform.FEISHU, chat), null, OutboundMessage.text("update " + i),
                    Priority.NORMAL));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> FAKE.messagesTo(chat).size() == 3);
        assertThat(FAKE.rateLimited()).isGreaterThan(limitedBefore);
        assertThat(FAKE.messagesTo(chat)).extracting(FakeFeishuOpenApi.Message::cardText)
                .anySatisfy(t -> assertThat(t).contains("update 1"))
                .anySatisfy(t -> assertThat(t).contains("update 3"));
    }

    @Test
    void errorsInTheBodyAreErrorsEvenOnHttp200AndRateLimitsAskToWait() {
        String dissolved = unique("oc_gone");
        FAKE.addChat(dissolved, "dissolved", LI_SI);
        assertThatThrownBy(() -> gateway().post(Conversation.of(Platform.FEISHU, dissolved), card("x"), null))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("code 232006").contains("fake-log-232006");
                });
        assertThatThrownBy(() -> gateway().post(Conversation.of(Platform.FEISHU, "oc_nobody_knows"), card("x"), null))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse());

        String busy = unique("oc_busy");
        FAKE.addChat(busy, "group", LI_SI);
        FAKE.saturate(busy);
        assertThatThrownBy(() -> gateway().post(Conversation.of(Platform.FEISHU, busy), card("x"), null))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void aTokenThatStopsWorkingMidRunIsRenewedOnceForManyConcurrentCalls() throws Exception {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String chat = unique("oc_conc");
            FAKE.addChat(chat, "group", LI_SI);
            chats.add(chat);
        }
        gateway().post(Conversation.of(Platform.FEISHU, chats.get(0)), card("warm up"), null);
        FAKE.expireAllTokens();
        FAKE.tokenDelay(Duration.ofMillis(300));
        int tokensBefore = FAKE.tokenRequests();
        int rejectedBefore = FAKE.rejectedTokens();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> sent = new ArrayList<>();
            for (String chat : chats) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return gateway().post(Conversation.of(Platform.FEISHU, chat), card("after expiry"), null);
                }));
            }
            start.countDown();
            for (Future<String> f : sent) {
                assertThat(f.get()).startsWith("om_");
            }
        } finally {
            FAKE.tokenDelay(Duration.ZERO);
            pool.shutdownNow();
        }
        assertThat(FAKE.rejectedTokens()).isGreaterThan(rejectedBefore);
        assertThat(FAKE.tokenRequests()).isEqualTo(tokensBefore + 1);
        for (String chat : chats) {
            assertThat(FAKE.messagesTo(chat)).anySatisfy(m -> assertThat(m.cardText()).contains("after expiry"));
        }
    }

    @Test
    void aShortLivedTokenIsRenewedBeforeItExpires() throws Exception {
        String chat = unique("oc_short");
        FAKE.addChat(chat, "group", LI_SI);
        FAKE.tokenLifetime(Duration.ofSeconds(4));
        try {
            FAKE.expireAllTokens();
            gateway().post(Conversation.of(Platform.FEISHU, chat), card("first"), null);
            int tokens = FAKE.tokenRequests();
            int rejected = FAKE.rejectedTokens();
            Thread.sleep(3_200);
            gateway().post(Conversation.of(Platform.FEISHU, chat), card("second"), null);
            // One renewal, or two when the machine is so loaded that the renewal itself took long enough to leave
            // the new token near its end; what matters is that no call went out with an expired token.
            assertThat(FAKE.tokenRequests()).as("renewed early").isBetween(tokens + 1, tokens + 2);
            assertThat(FAKE.rejectedTokens()).as("never used an expired token").isEqualTo(rejected);
        } finally {
            FAKE.tokenLifetime(Duration.ofHours(2));
            FAKE.expireAllTokens();
        }
    }
}
