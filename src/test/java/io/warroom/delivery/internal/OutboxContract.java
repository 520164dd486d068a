package io.warroom.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.GroupCreated;
import io.warroom.delivery.MembersNotAdded;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.support.FakeGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Behaviour of the outbox, run on H2 and on PostgreSQL by the two subclasses. */
@RecordApplicationEvents
abstract class OutboxContract {

    @Autowired ApplicationEvents events;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired FakeGateway slack;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    /** Each test uses its own channels: contexts (and rate buckets) are shared between tests. */
    private Conversation channel() {
        return Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static OutboundMessage text(String s) {
        return OutboundMessage.text(s);
    }

    private List<String> texts(Conversation c) {
        return slack.calls(c.channel()).stream().filter(call -> call.message() != null)
                .map(call -> call.message().text()).toList();
    }

    private String state(long id) {
        return jdbc.sql("select state from outbox where id = ?").param(id).query(String.class).single();
    }

    @Test
    void postIsSentAndItsUpdateGoesToTheSameMessage() {
        var c = channel();
        outbox.enqueue(Delivery.post(c, "card:1", text("v1"), Priority.NORMAL));
        dispatcher.drain();
        outbox.enqueue(Delivery.update(c, "card:1", text("v2"), Priority.NORMAL));
        dispatcher.drain();

        var calls = slack.calls(c.channel());
        assertThat(calls).extracting(FakeGateway.Call::operation)
                .containsExactly("post", "update:" + calls.get(0).ref());
        assertThat(texts(c)).containsExactly("v1", "v2");
    }

    @Test
    void queuedUpdatesCoalesceIntoThePendingPost() {
        var c = channel();
        outbox.enqueue(Delivery.post(c, "card:2", text("firing"), Priority.NORMAL));
        outbox.enqueue(Delivery.update(c, "card:2", text("acknowledged"), Priority.NORMAL));
        outbox.enqueue(Delivery.update(c, "card:2", text("resolved"), Priority.NORMAL));
        dispatcher.drain();

        assertThat(slack.calls(c.channel())).hasSize(1);
        assertThat(texts(c)).containsExactly("resolved");
    }

    @Test
    void repliesWaitForTheirThreadRootAndKeepOrder() {
        var c = channel();
        outbox.enqueue(Delivery.post(c, "root:3", text("root"), Priority.ROUTINE));
        outbox.enqueue(Delivery.replyTo(c, "root:3", null, text("reply 1"), Priority.URGENT));
        outbox.enqueue(Delivery.replyTo(c, "root:3", null, text("reply 2"), Priority.ROUTINE));
        dispatcher.drain();

        var calls = slack.calls(c.channel());
        assertThat(texts(c)).containsExactly("root", "reply 1", "reply 2");
        assertThat(calls.get(1).conversation().thread()).isEqualTo(calls.get(0).ref());
        assertThat(calls.get(2).conversation().thread()).isEqualTo(calls.get(0).ref());
    }

    @Test
    void urgentOperationsOvertakeRoutineOnesInOtherThreads() {
        var c = channel();
        outbox.enqueue(Delivery.post(c, null, text("routine"), Priority.ROUTINE));
        outbox.enqueue(Delivery.post(c, null, text("urgent"), Priority.URGENT));
        dispatcher.drain();

        assertThat(texts(c)).containsExactly("urgent", "routine");
    }

    @Test
    void perChannelRateLimitHoldsBackTheRest() {
        var c = channel();
        for (int i = 0; i < 6; i++) {
            outbox.enqueue(Delivery.post(c, null, text("m" + i), Priority.NORMAL));
        }
        dispatcher.drain();

        // Slack default: 1 message/s per channel with a burst of 3.
        assertThat(slack.calls(c.channel())).hasSize(3);
        long waiting = jdbc.sql("select count(*) from outbox where channel = ? and state = 'PENDING' "
                + "and next_attempt_at > ?").params(c.channel(), OffsetDateTime.now()).query(Long.class).single();
        assertThat(waiting).isEqualTo(3);
    }

    @Test
    void aBacklogBehindAFullChannelWaitsInSlotsOfItsOwnAndUrgentTakesTheNextOne() {
        var c = channel();
        for (int i = 0; i < 10; i++) {
            outbox.enqueue(Delivery.post(c, null, text("m" + i), Priority.NORMAL));
        }
        dispatcher.drain(Platform.SLACK);

        // 1 message/s with a burst of 3: three sent, the other seven each promised a slot one second after the
        // last, so when a slot frees one row comes due, not the whole backlog.
        assertThat(slack.calls(c.channel())).hasSize(3);
        List<Instant> slots = waitingSlots(c);
        assertThat(slots).hasSize(7).isSorted().doesNotHaveDuplicates();
        for (int i = 1; i < slots.size(); i++) {
            assertThat(Duration.between(slots.get(i - 1), slots.get(i))).isBetween(Duration.ofMillis(900), Duration.ofMillis(1100));
        }

        long urgent = outbox.enqueue(Delivery.post(c, null, text("urgent"), Priority.URGENT));
        dispatcher.drain(Platform.SLACK);
        Instant urgentSlot = jdbc.sql("select next_attempt_at from outbox where id = ?").param(urgent)
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(urgentSlot).isBefore(slots.get(1));
    }

    private List<Instant> waitingSlots(Conversation c) {
        return jdbc.sql("select next_attempt_at from outbox where channel = ? and state = 'PENDING' order by id")
                .param(c.channel()).query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList();
    }

    @Test
    void ephemeralAnswersAndFormsDoNotWaitBehindTheChannelsPosts() {
        var c = channel();
        for (int i = 0; i < 4; i++) {
            outbox.enqueue(Delivery.post(c, null, text("post " + i), Priority.NORMAL));
        }
        for (int i = 0; i < 4; i++) {
            outbox.enqueue(Delivery.ephemeral(c, "U" + i, text("only for U" + i)));
        }
        outbox.enqueue(Delivery.openForm(c, "U9", "trigger-1", OutboundMessage.builder()
                .form(new OutboundMessage.Form("f", "t", "ok", List.of())).build()));
        dispatcher.drain();
        var calls = slack.calls(c.channel());
        assertThat(calls.stream().filter(x -> x.visibleTo() == null)).hasSize(3);
        assertThat(calls.stream().filter(x -> x.visibleTo() != null)).hasSize(5);
    }

    @Test
    void retryAfterFromThePlatformIsHonoured() {
        var c = channel();
        slack.failNext(c.channel(), FakeGateway.rateLimited(Duration.ofSeconds(30)));
        long id = outbox.enqueue(Delivery.post(c, null, text("throttled"), Priority.NORMAL));
        Instant before = Instant.now();
        dispatcher.drain();

        assertThat(state(id)).isEqualTo("PENDING");
        var next = jdbc.sql("select next_attempt_at from outbox where id = ?").param(id)
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(next).isAfterOrEqualTo(before.plusSeconds(29));
        int attempts = jdbc.sql("select attempts from outbox where id = ?").param(id).query(Integer.class).single();
        assertThat(attempts).as("waiting on a 429 is not a failed attempt").isZero();

        makeDue(c);
        dispatcher.drain();
        assertThat(texts(c)).as("the channel's bucket is held until Retry-After passes").isEmpty();
    }

    @Test
    void platformOutageIsRetriedWithBackoffAndNothingIsLost() {
        var c = channel();
        slack.failNext(c.channel(), FakeGateway.down());
        slack.failNext(c.channel(), FakeGateway.down());
        long id = outbox.enqueue(Delivery.post(c, null, text("eventually"), Priority.NORMAL));

        dispatcher.drain();
        assertThat(state(id)).isEqualTo("PENDING");
        makeDue(c);
        dispatcher.drain();
        makeDue(c);
        dispatcher.drain();

        assertThat(state(id)).isEqualTo("SENT");
        assertThat(texts(c)).containsExactly("eventually");
        int attempts = jdbc.sql("select attempts from outbox where id = ?").param(id).query(Integer.class).single();
        assertThat(attempts).isEqualTo(2);
    }

    @Test
    void permanentRejectionFailsTheOperationAndUnblocksItsThread() {
        var c = channel();
        slack.failNext(c.channel(), FakeGateway.rejected());
        long bad = outbox.enqueue(Delivery.post(c, "k:bad", text("bad"), Priority.NORMAL));
        dispatcher.drain();
        assertThat(state(bad)).isEqualTo("FAILED");

        long update = outbox.enqueue(Delivery.update(c, "k:bad", text("never"), Priority.NORMAL));
        dispatcher.drain();
        assertThat(state(update)).as("an update of a message never delivered fails").isEqualTo("FAILED");
    }

    @Test
    void repliesToARootThatFailedForGoodFailAtOnce() {
        var c = channel();
        slack.failNext(c.channel(), FakeGateway.rejected());
        long root = outbox.enqueue(Delivery.post(c, "root:gone", text("root"), Priority.NORMAL));
        long reply = outbox.enqueue(Delivery.replyTo(c, "root:gone", null, text("reply"), Priority.NORMAL));
        dispatcher.drain();
        assertThat(state(root)).isEqualTo("FAILED");
        assertThat(state(reply)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from outbox where id = ?").param(reply).query(String.class).single())
                .contains("could not be posted");
    }

    @Test
    void aPinWaitsForItsMessageAndTopicsAreSet() {
        var c = channel();
        slack.failNext(c.channel(), FakeGateway.down());
        outbox.enqueue(Delivery.post(c, "card:pin", text("incident card"), Priority.URGENT));
        long pin = outbox.enqueue(Delivery.pin(c, "card:pin"));
        outbox.enqueue(Delivery.setTopic(c, "P0 · investigating"));
        dispatcher.drain();
        assertThat(state(pin)).as("the card is not posted yet, so it cannot be pinned").isEqualTo("PENDING");

        makeDue(c);
        dispatcher.drain();
        var ops = slack.calls(c.channel()).stream().map(FakeGateway.Call::operation).toList();
        String ref = slack.calls(c.channel()).stream().filter(x -> x.operation().equals("post")).findFirst().orElseThrow().ref();
        assertThat(ops).containsSubsequence("post", "pin:" + ref).contains("topic:P0 · investigating");
        long orphan = outbox.enqueue(Delivery.pin(c, "card:never-posted"));
        dispatcher.drain();
        assertThat(state(orphan)).isEqualTo("FAILED");
    }

    @Test
    void unconfiguredPlatformFailsInsteadOfWaitingForever() {
        long id = outbox.enqueue(Delivery.post(Conversation.of(Platform.FEISHU, "oc_x" + UUID.randomUUID()), null,
                text("nobody"), Priority.NORMAL));
        dispatcher.drain();
        assertThat(state(id)).isEqualTo("FAILED");
    }

    @Test
    void enqueueJoinsTheCallersTransaction() {
        var c = channel();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            outbox.enqueue(Delivery.post(c, null, text("rolled back"), Priority.NORMAL));
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);
        dispatcher.drain();

        long rows = jdbc.sql("select count(*) from outbox where channel = ?").param(c.channel()).query(Long.class).single();
        assertThat(rows).isZero();
        assertThat(slack.calls(c.channel())).isEmpty();
    }

    @Test
    void claimOfACrashedReplicaIsTakenOverAfterItsLease() {
        var c = channel();
        long id = outbox.enqueue(Delivery.post(c, null, text("orphan"), Priority.NORMAL));
        // A replica claimed it and died before sending: the lease has run out.
        jdbc.sql("update outbox set state = 'SENDING', claimed_until = ? where id = ?")
                .params(OffsetDateTime.now().minusSeconds(1), id).update();
        dispatcher.drain();

        assertThat(state(id)).isEqualTo("SENT");
        assertThat(texts(c)).containsExactly("orphan");
    }

    @Test
    void liveClaimOfAnotherReplicaIsLeftAlone() {
        var c = channel();
        long id = outbox.enqueue(Delivery.post(c, null, text("theirs"), Priority.NORMAL));
        jdbc.sql("update outbox set state = 'SENDING', claimed_until = ? where id = ?")
                .params(OffsetDateTime.now().plusSeconds(60), id).update();
        dispatcher.drain();

        assertThat(slack.calls(c.channel())).isEmpty();
    }

    @Test
    void groupIsCreatedOnceAndItsMessagesWaitForIt() {
        var home = channel();
        String key = "incident-" + UUID.randomUUID().toString().substring(0, 6);
        var group = Conversation.of(Platform.SLACK, Delivery.groupChannel(key));
        outbox.enqueue(Delivery.createGroup(home, key, "inc-" + key, List.of("U1", "U2")));
        outbox.enqueue(Delivery.post(group, "card:" + key, text("incident card"), Priority.URGENT));
        dispatcher.drain();
        // Created again by a retry (say after a crash): the recorded group id is reused.
        outbox.enqueue(Delivery.createGroup(home, key, "inc-" + key, List.of("U1", "U2")));
        dispatcher.drain();

        var created = slack.all().stream().filter(call -> call.operation().equals("createGroup:inc-" + key)).toList();
        assertThat(created).hasSize(1);
        String chatId = created.get(0).conversation().channel();
        assertThat(texts(Conversation.of(Platform.SLACK, chatId))).containsExactly("incident card");
    }

    @Test
    void theQueuingModuleHearsWhichGroupWasCreatedAndWhoCouldNotBeInvited() {
        var home = channel();
        String key = "room-" + UUID.randomUUID().toString().substring(0, 6);
        var group = Conversation.of(Platform.SLACK, Delivery.groupChannel(key));
        slack.refuseMember("U0GONE" + key, "user_not_found");
        outbox.enqueue(Delivery.createGroup(home, key, "inc-" + key, List.of()));
        outbox.enqueue(Delivery.invite(group, List.of("U0HERE", "U0GONE" + key)));
        dispatcher.drain();

        String chatId = slack.all().stream().filter(call -> call.operation().equals("createGroup:inc-" + key))
                .findFirst().orElseThrow().conversation().channel();
        assertThat(events.stream(GroupCreated.class)).containsExactly(new GroupCreated(Platform.SLACK, key, chatId));
        assertThat(events.stream(MembersNotAdded.class)).containsExactly(new MembersNotAdded(Platform.SLACK,
                group.channel(), java.util.Map.of("U0GONE" + key, "user_not_found")));
        assertThat(slack.calls(chatId)).filteredOn(call -> call.operation().equals("invite"))
                .extracting(FakeGateway.Call::members).containsExactly(List.of("U0HERE"));
    }

    @Test
    void anInvitationThatFailsForGoodIsReportedForEveryone() {
        var c = channel();
        slack.failNext(c.channel(), FakeGateway.rejected());
        outbox.enqueue(Delivery.invite(c, List.of("U1", "U2")));
        dispatcher.drain();

        assertThat(events.stream(MembersNotAdded.class)).containsExactly(new MembersNotAdded(Platform.SLACK,
                c.channel(), java.util.Map.of("U1", "channel_not_found", "U2", "channel_not_found")));
    }

    /** Lets everything queued in this channel be due now (skips backoff and rate waits). */
    private void makeDue(Conversation c) {
        jdbc.sql("update outbox set next_attempt_at = ? where channel = ? and state = 'PENDING'")
                .params(OffsetDateTime.now().minusSeconds(1), c.channel()).update();
    }
}
