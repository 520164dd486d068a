package io.warroom.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.support.Replicas;
import io.warroom.support.TestExecutor;
import io.warroom.support.TestGateways;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Warroom replicas on one PostgreSQL, approvers clicking on both at the same moment (and clicking
 * twice): the approved action runs exactly once across the replicas.
 */
class TwoReplicasApprovalTest {

    private final Replicas replicas = new Replicas("replicas");

    @AfterEach
    void stop() {
        replicas.stopAll();
    }

    private ConfigurableApplicationContext replica() {
        return replicas.start(List.of(TestGateways.class));
    }

    @Test
    void anApprovalRunsOnceAcrossReplicas() throws Exception {
        var a = replica();
        var b = replica();
        var channel = Conversation.of(Platform.SLACK, "CREPLICAS");
        a.getBean(Commands.class).handle(new InboundCommand(channel, new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao"),
                "scale backend --replicas 4"));
        String id = a.getBean(JdbcClient.class).sql("select public_id from approval_request").query(String.class).single();

        List<Actor> approvers = List.of(new Actor(Platform.SLACK, "U0LISI", "li"), new Actor(Platform.SLACK, "U0WANGWU", "wang"),
                new Actor(Platform.FEISHU, "ou_lisi00000002", "李四"), new Actor(Platform.FEISHU, "ou_wangwu000003", "王五"));
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        List<Callable<ActionOutcome>> clicks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            var router = (i % 2 == 0 ? a : b).getBean(ActionRouter.class);
            Actor who = approvers.get(i % approvers.size());
            clicks.add(() -> {
                start.await();
                return router.route(new InboundAction(channel, who, "approval.approve", id, null));
            });
        }
        List<java.util.concurrent.Future<ActionOutcome>> futures = new ArrayList<>();
        clicks.forEach(c -> futures.add(pool.submit(c)));
        start.countDown();
        long started = 0;
        for (var f : futures) {
            started += f.get().kind() == ActionOutcome.Kind.DONE ? 1 : 0;
        }
        pool.shutdown();

        var db = a.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                db.sql("select state from approval_request where public_id = ?").param(id).query(String.class).single()
                        .equals("EXECUTED"));
        Thread.sleep(500);
        int executions = a.getBean(TestExecutor.class).executions("backend").size()
                + b.getBean(TestExecutor.class).executions("backend").size();
        assertThat(started).as("clicks that started the action").isEqualTo(1);
        assertThat(executions).as("executions across both replicas").isEqualTo(1);
        long votes = db.sql("select count(*) from approval_vote v join approval_request r on r.id = v.request_id "
                + "where r.public_id = ?").param(id).query(Long.class).single();
        assertThat(votes).as("one vote per person, whichever platform they clicked on").isLessThanOrEqualTo(2);
    }
}
