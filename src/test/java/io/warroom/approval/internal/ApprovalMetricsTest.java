package io.warroom.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.support.H2Test;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The EXECUTING gauges the operators' "approval stuck" alert reads, as Prometheus scrapes them. */
@H2Test
class ApprovalMetricsTest {

    @Autowired Commands commands;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry registry;

    @Test
    void anApprovalLeftExecutingShowsInTheGaugesUntilSettled() {
        double before = gauge("warroom.approval.executing");
        String target = "svc-" + UUID.randomUUID().toString().substring(0, 6);
        var channel = Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));
        commands.handle(new InboundCommand(channel, new Actor(Platform.SLACK, "U0ZHAOLIU", "zhao"),
                "scale " + target + " --replicas 3"));
        String id = jdbc.sql("select public_id from approval_request where command_text like ?").param("%" + target + "%")
                .query(String.class).single();
        assertThat(gauge("warroom.approval.executing")).as("a pending request is not executing").isEqualTo(before);

        // What a replica killed mid-action leaves behind: EXECUTING since 30 days ago (older than
        // anything other tests sharing this database leave).
        jdbc.sql("update approval_request set state = 'EXECUTING', decided_at = ? where public_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(30), id).update();
        assertThat(gauge("warroom.approval.executing")).isEqualTo(before + 1);
        assertThat(gauge("warroom.approval.executing.oldest")).isGreaterThanOrEqualTo(30 * 86400).isLessThan(30 * 86400 + 300);

        jdbc.sql("update approval_request set state = 'FAILED' where public_id = ?").param(id).update();
        assertThat(gauge("warroom.approval.executing")).isEqualTo(before);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
