package io.warroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.support.FakeGateway;
import io.warroom.support.H2Test;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform fails half of all calls for a while (5xx, and 429 with Retry-After), then recovers: every
 * message is delivered, replies in their thread in the order they were queued, none twice, and each card
 * ends in its final state. (Against a fake that fails before doing anything: a real platform that posted
 * and then failed to answer is covered in docs/reliability.md.)
 */
@H2Test
class PlatformStormTest {

    static final int CHANNELS = 5;
    static final int REPLIES = 4;
    static final int UPDATES = 3;

    @Autowired Outbox outbox;
    @Autowired FakeGateway slack;
    @Autowired DrainForTests drain;
    @Autowired TransactionTemplate tx;

    @Test
    void halfOfAllCallsFailingForAWhileLosesAndRepeatsNothing() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Conversation> channels = java.util.stream.IntStream.range(0, CHANNELS)
                .mapToObj(i -> Conversation.of(Platform.SLACK, "CSTORM" + run + i)).toList();
        int operations = 1 + REPLIES + UPDATES;
        for (Conversation c : channels) {
            // As many failures as operations: half of the calls into the channel fail, the first ones.
            for (int i = 0; i < operations; i++) {
                slack.failNext(c.channel(), i % 2 == 0 ? FakeGateway.down() : FakeGateway.rateLimited(Duration.ofMillis(300)));
            }
        }
        for (Conversation c : channels) {
            String card = "card-" + c.channel();
            tx.executeWithoutResult(s -> {
                outbox.enqueue(Delivery.post(c, card, OutboundMessage.text("state 0"), Priority.NORMAL));
                for (int r = 1; r <= REPLIES; r++) {
                    outbox.enqueue(Delivery.replyTo(c, card, null, OutboundMessage.text("reply " + r), Priority.NORMAL));
                }
                for (int u = 1; u <= UPDATES; u++) {
                    outbox.enqueue(Delivery.update(c, card, OutboundMessage.text(u == UPDATES ? "final" : "state " + u), Priority.NORMAL));
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            drain.drain();
            return channels.stream().allMatch(c -> slack.calls(c.channel()).stream().filter(x -> x.operation().equals("post")).count()
                    == 1 + REPLIES && shown(c).equals("final"));
        });
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> drain.drain() >= 0);
        for (Conversation c : channels) {
            var calls = slack.calls(c.channel());
            var posts = calls.stream().filter(x -> x.operation().equals("post")).toList();
            // Updates queued before the card went out are folded into it: the card is posted once, with the latest state.
            assertThat(posts.get(0).message().text()).isIn("state 0", "state 1", "state 2", "final");
            String cardRef = posts.get(0).ref();
            assertThat(posts.subList(1, posts.size())).as("replies in the card's thread, in order, once each")
                    .extracting(x -> x.message().text(), x -> x.conversation().thread())
                    .containsExactly(java.util.stream.IntStream.rangeClosed(1, REPLIES)
                            .mapToObj(r -> org.assertj.core.groups.Tuple.tuple("reply " + r, cardRef)).toArray(org.assertj.core.groups.Tuple[]::new));
            assertThat(calls.stream().filter(x -> x.operation().startsWith("update:")))
                    .allSatisfy(x -> assertThat(x.operation()).isEqualTo("update:" + cardRef));
            assertThat(shown(c)).isEqualTo("final");
        }
    }

    /** What the card shows now: its last update, or what it was posted with. */
    private String shown(Conversation c) {
        var calls = slack.calls(c.channel());
        var card = calls.stream().filter(x -> x.operation().equals("post") && x.conversation().thread() == null).findFirst();
        if (card.isEmpty()) {
            return "";
        }
        var updates = calls.stream().filter(x -> x.operation().equals("update:" + card.get().ref())).toList();
        return (updates.isEmpty() ? card.get() : updates.get(updates.size() - 1)).message().text();
    }
}
