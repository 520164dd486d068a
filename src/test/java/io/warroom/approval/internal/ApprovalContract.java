package io.warroom.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.support.FakeGateway;
import io.warroom.support.TestExecutor;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two-person rule end to end on a platform conversation: request, card, refused clicks, approval,
 * exactly one execution, card updates and timeline; on H2 and PostgreSQL.
 */
abstract class ApprovalContract {

    // Roster: zhao.liu (tech lead) requests; li.si and wang.wu are SRE approvers; chen.qi (DBA) is not.
    static final Actor ZHAO = new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao");
    static final Actor LI = new Actor(Platform.SLACK, "U0LISI", "li");
    static final Actor WANG = new Actor(Platform.SLACK, "U0WANGWU", "wang");
    static final Actor CHEN = new Actor(Platform.SLACK, "U0CHENQI", "chen");
    static final Actor SUN = new Actor(Platform.SLACK, "U0SUNBA", "sun");
    static final Actor STRANGER = new Actor(Platform.SLACK, "U0NOBODY", "x");

    @Autowired Commands commands;
    @Autowired ActionRouter actions;
    @Autowired FakeGateway slack;
    @Autowired DrainForTests drain;
    @Autowired TestExecutor executor;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;
    @Autowired ApprovalExpiry expiry;

    Conversation channel;
    String target;

    void newChannel() {
        channel = Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
        target = "svc-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Runs the command and returns the approval card the fake platform received. */
    OutboundMessage request(Actor who, String text) {
        commands.handle(new InboundCommand(channel, who, text));
        drain.drain();
        return lastMessage();
    }

    OutboundMessage lastMessage() {
        var calls = slack.calls(channel.channel());
        return calls.get(calls.size() - 1).message();
    }

    static String requestId(OutboundMessage card) {
        return card.buttons().stream().filter(b -> b.actionId().equals("approval.approve")).findFirst().orElseThrow().value();
    }

    ActionOutcome click(Actor who, String action, String id) {
        return actions.route(new InboundAction(channel, who, "approval." + action, id, null));
    }

    String state(String id) {
        return jdbc.sql("select state from approval_request where public_id = ?").param(id).query(String.class).single();
    }

    List<String> kinds() {
        return timeline.entries(channel.stream()).stream().map(TimelineEntry::kind).toList();
    }

    @Test
    void aSecondAuthorisedPersonMustApproveAndTheActionRunsOnce() {
        newChannel();
        OutboundMessage card = request(ZHAO, "scale " + target + " --replicas 5");
        assertThat(card.header()).isEqualTo("Approval needed: scale " + target + " --replicas 5");
        assertThat(card.fallbackText()).contains("test scale after-sales-prod/" + target + " replicas=5",
                "replicas 3 → 5", "warroom-operator", "Expires at");
        String id = requestId(card);

        ActionOutcome own = click(ZHAO, "approve", id);
        assertThat(own.kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(own.message()).contains("cannot approve it");
        assertThat(click(CHEN, "approve", id).message()).contains("not an approver");
        assertThat(click(STRANGER, "approve", id).message()).contains("does not know who you are");
        assertThat(executor.executions(target)).isEmpty();

        ActionOutcome ok = click(LI, "approve", id);
        assertThat(ok.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("EXECUTED"));
        assertThat(executor.executions(target)).singleElement().satisfies(e -> {
            assertThat(e.runAs().user()).isEqualTo("warroom-operator");
            assertThat(e.spec().parameter("replicas")).isEqualTo("5");
        });
        assertThat(executor.replicas(target)).isEqualTo(5);
        assertThat(click(WANG, "approve", id).message()).contains("already approved and done");

        await().atMost(Duration.ofSeconds(10)).until(() -> kinds().contains("action.rollout-finished"));
        drain.drain();
        var cardUpdates = slack.calls(channel.channel()).stream().filter(c -> c.operation().startsWith("update")).toList();
        assertThat(cardUpdates).anySatisfy(u -> assertThat(u.message().fallbackText()).contains("Rollout complete"));
        assertThat(cardUpdates).anySatisfy(u -> {
            assertThat(u.message().header()).isEqualTo("Done: scale " + target + " --replicas 5");
            assertThat(u.message().buttons()).isEmpty();
            assertThat(u.message().fallbackText()).contains("李四 Li Si");
        });
        assertThat(kinds()).containsSubsequence("approval.requested", "command.received", "approval.click-refused",
                "approval.click-refused", "approval.click-refused", "approval.granted", "action.executed",
                "action.rollout-finished");
        assertThat(timeline.verify(channel.stream()).intact()).isTrue();
    }

    @Test
    void rejectedRequestsNeverRun() {
        newChannel();
        String id = requestId(request(ZHAO, "scale " + target + " --replicas 2"));
        assertThat(click(ZHAO, "reject", id).kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(click(WANG, "reject", id).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(click(LI, "approve", id).message()).contains("already rejected");
        assertThat(state(id)).isEqualTo("REJECTED");
        assertThat(executor.executions(target)).isEmpty();
        assertThat(kinds()).contains("approval.rejected");
    }

    @Test
    void onlyTheRequesterCancels() {
        newChannel();
        String id = requestId(request(ZHAO, "scale " + target + " --replicas 2"));
        assertThat(click(LI, "cancel", id).message()).contains("Only the requester");
        assertThat(click(ZHAO, "cancel", id).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(click(LI, "approve", id).kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(state(id)).isEqualTo("CANCELLED");
        assertThat(executor.executions(target)).isEmpty();
    }

    @Test
    void expiredRequestsNeverRunAndTheirCardSaysSo() {
        newChannel();
        String id = requestId(request(ZHAO, "scale " + target + " --replicas 2"));
        jdbc.sql("update approval_request set expires_at = ? where public_id = ?")
                .params(OffsetDateTime.now().minusSeconds(1), id).update();
        assertThat(click(LI, "approve", id).message()).contains("expired");
        expiry.expire(); // the scheduled run may have got there first; either way it expires once
        assertThat(state(id)).isEqualTo("EXPIRED");
        assertThat(kinds().stream().filter("approval.expired"::equals).count()).isEqualTo(1);
        drain.drain();
        assertThat(lastMessage().header()).startsWith("Expired: ");
        assertThat(executor.executions(target)).isEmpty();
    }

    @Test
    void aTamperedActionDoesNotRun() {
        newChannel();
        String id = requestId(request(ZHAO, "scale " + target + " --replicas 2"));
        jdbc.sql("update approval_request set parameters = '{\"replicas\":\"50\"}' where public_id = ?").param(id).update();
        click(LI, "approve", id);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("FAILED"));
        assertThat(executor.executions(target)).isEmpty();
        assertThat(timeline.entries(channel.stream())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("action.failed");
            assertThat(e.details()).contains("TAMPERED");
        });
    }

    @Test
    void aTargetThatChangedSinceTheCardWasShownIsNotChangedAndTheCardAndTimelineSaySo() {
        newChannel();
        OutboundMessage card = request(ZHAO, "scale " + target + " --replicas 5");
        String id = requestId(card);
        String digest = jdbc.sql("select digest from approval_request where public_id = ?").param(id).query(String.class).single();
        assertThat(jdbc.sql("select expected from approval_request where public_id = ?").param(id).query(String.class).single())
                .isEqualTo("{\"replicas\":\"3\"}");
        assertThat(card.fallbackText()).contains(digest.substring(0, 12));
        executor.setReplicas(target, 4); // someone scaled it by hand while the card waited

        click(LI, "approve", id);

        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("FAILED"));
        assertThat(executor.executions(target)).isEmpty();
        assertThat(executor.replicas(target)).isEqualTo(4);
        assertThat(timeline.entries(channel.stream())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("action.failed");
            assertThat(e.details()).contains("CHANGED").contains("changed since it was approved: replicas 3 → 4");
        });
        drain.drain();
        var messages = slack.calls(channel.channel()).stream().map(c -> c.message()).toList();
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.header()).isEqualTo("Not run, the target changed: scale " + target + " --replicas 5");
            assertThat(m.text()).contains("replicas 3 → 4");
        });
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.header()).isEqualTo("Failed: scale " + target + " --replicas 5");
            assertThat(m.buttons()).isEmpty();
            assertThat(m.fallbackText()).contains("changed since it was approved");
        });
    }

    @Test
    void badRequestsCreateNothing() {
        newChannel();
        long before = jdbc.sql("select count(*) from approval_request").query(Long.class).single();
        commands.handle(new InboundCommand(channel, ZHAO, "scale missing --replicas 2"));
        commands.handle(new InboundCommand(channel, ZHAO, "scale " + target + " --replicas 99"));
        commands.handle(new InboundCommand(channel, ZHAO, "scale " + target + " -n kube-system --replicas 2"));
        commands.handle(new InboundCommand(channel, ZHAO, "scale " + target));
        commands.handle(new InboundCommand(channel, ZHAO, "scale " + target + " --replicas 2 --force"));
        // Five answers in one channel exceed its burst: they trickle out at the channel's rate.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            drain.drain();
            return slack.calls(channel.channel()).size() >= 5;
        });
        assertThat(jdbc.sql("select count(*) from approval_request").query(Long.class).single()).isEqualTo(before);
        List<String> answers = slack.calls(channel.channel()).stream().map(c -> c.message().fallbackText()).toList();
        assertThat(answers).hasSize(5);
        assertThat(answers.get(0)).contains("deployment missing not found");
        assertThat(answers.get(1)).contains("replicas must be between 0 and 50, not 99");
        assertThat(answers.get(2)).contains("does not allow namespace kube-system");
        assertThat(answers.get(3)).contains("missing --replicas");
        assertThat(answers.get(4)).contains("unknown option --force");
        assertThat(slack.calls(channel.channel())).allSatisfy(c -> assertThat(c.visibleTo()).isEqualTo("U0ZHAOLIU"));
    }

    @Test
    void dangerousActionsNeedTheTechLeadOrCto() {
        newChannel();
        String id = requestId(request(LI, "apikey revoke k_" + target.substring(4) + " --reason \"leaked \\\"key\\\"\""));
        assertThat(click(WANG, "approve", id).message()).contains("not an approver");
        assertThat(click(SUN, "approve", id).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("EXECUTED"));
        var e = executor.executions("gateway").stream()
                .filter(x -> x.spec().parameter("path").contains(target.substring(4))).toList();
        assertThat(e).singleElement().satisfies(x ->
                assertThat(x.spec().parameter("body")).isEqualTo("{\"reason\":\"leaked \\\"key\\\"\"}"));
    }

    @Test
    void readCommandsRunAtOnceForAllowedPeople() {
        newChannel();
        commands.handle(new InboundCommand(channel, CHEN, "status " + target));
        drain.drain();
        OutboundMessage reply = lastMessage();
        assertThat(reply.text()).isEqualTo(target + " has 3 replicas");
        assertThat(reply.code()).contains(target + "-1 1/1");
        assertThat(reply.fallbackText()).contains("sandbox");
    }

    @Test
    void manyConcurrentClicksRunTheActionExactlyOnce() throws Exception {
        newChannel();
        String id = requestId(request(ZHAO, "scale " + target + " --replicas 7"));
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ActionOutcome>> clicks = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Actor who = i % 2 == 0 ? LI : WANG;
                clicks.add(() -> click(who, "approve", id));
            }
            long done = 0;
            for (var f : pool.invokeAll(clicks)) {
                done += f.get().kind() == ActionOutcome.Kind.DONE ? 1 : 0;
            }
            assertThat(done).as("exactly one click starts it").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("EXECUTED"));
        Thread.sleep(300);
        assertThat(executor.executions(target)).hasSize(1);
    }
}
