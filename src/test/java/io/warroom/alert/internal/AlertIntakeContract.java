package io.warroom.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.delivery.internal.DrainForTests;
import io.warroom.support.AlertPayloads;
import io.warroom.support.FakeGateway;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alertmanager notifications into groups, alerts, history, timeline, threads and escalations; H2 and PostgreSQL. */
abstract class AlertIntakeContract {

    @Autowired AlertIntake intake;
    @Autowired AlertRepository repository;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;
    @Autowired DrainForTests outbox;
    @Autowired FakeGateway slack;

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    private AlertIntake.Result send(AlertPayloads p) {
        return intake.receive(PayloadDecoder.decode("alertmanager", p.json().getBytes(StandardCharsets.UTF_8)));
    }

    private static AlertPayloads errors(String channel, String service) {
        return AlertPayloads.group("HighErrorRate", "test", channel, "service", service)
                .common("severity", "critical").common("deployment", service).common("namespace", "after-sales-prod")
                .annotation("summary", "API error rate above 1%").annotation("runbook_url", "https://wiki.example.com/errors");
    }

    /** Sends what is queued for {@code channel}, waiting out its rate limit (1/s, burst 3 in tests). */
    private void drain(String channel) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    outbox.drain();
                    return jdbc.sql("select count(*) from outbox where channel = ? and state in ('PENDING', 'SENDING')")
                            .param(channel).query(Long.class).single() == 0;
                });
    }

    private long groupId(String result) {
        return AlertQueries.parseId(result).orElseThrow();
    }

    private List<String> kinds(String stream) {
        return timeline.entries(stream).stream().map(TimelineEntry::kind).toList();
    }

    @Test
    void aFiringGroupIsStoredRecordedPostedOnceAndStartsItsDeadline() {
        var result = send(errors("t1", "backend-a").firing("a1", "backend-a-1", t0).firing("a2", "backend-a-2", t0));
        long id = groupId(result.groupId());
        AlertGroup g = repository.find(id).orElseThrow();
        assertThat(g.firing()).isTrue();
        assertThat(g.firingCount()).isEqualTo(2);
        assertThat(g.severity()).isEqualTo("critical");
        assertThat(jdbc.sql("select count(*) from alert_state_change where group_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
        assertThat(kinds(g.stream())).containsExactly("alert.changed", "alert.group-fired");
        assertThat(timeline.verify(g.stream()).intact()).isTrue();
        String escalation = jdbc.sql("select task_key from scheduled_task where task_key like ? and state = 'PENDING'")
                .param("alert.escalate:" + id + ":%").query(String.class).single();
        assertThat(escalation).startsWith("alert.escalate:" + id + ":1:0:0:");

        drain("CT1");
        var calls = slack.calls("CT1");
        var root = calls.stream().filter(c -> c.operation().equals("post") && c.conversation().thread() == null).toList();
        assertThat(root).hasSize(1);
        var card = root.get(0).message();
        assertThat(card.header()).isEqualTo("[CRITICAL] HighErrorRate · backend-a · after-sales-prod");
        assertThat(card.tone()).isEqualTo(io.warroom.chat.OutboundMessage.Tone.DANGER);
        assertThat(card.fields()).anyMatch(f -> f.value().equals("2 firing · 0 resolved"));
        assertThat(card.fields()).anyMatch(f -> f.value().contains("backend-a-1") && f.value().contains("backend-a-2"));
        assertThat(card.buttons()).extracting(b -> b.actionId()).contains("alert.ack", "alert.resolve", "alert.silence",
                "alert.silence-form", "alert.run");
        assertThat(card.buttons()).filteredOn(b -> b.actionId().startsWith("alert.")).allMatch(b -> b.value().startsWith(Long.toString(id)));
        // The incident module's button, added through AlertCardExtension.
        assertThat(card.buttons()).filteredOn(b -> b.actionId().equals("incident.alert-declare"))
                .extracting(b -> b.value()).containsExactly("A" + id);
        assertThat(card.links()).extracting(l -> l.label()).contains("Runbook", "Graph", "Alertmanager");
        var steps = calls.stream().filter(c -> c.conversation().thread() != null).toList();
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).message().text()).contains("Runbook steps:", "/warroom restart backend-a -n after-sales-prod");
    }

    @Test
    void aResentNotificationChangesNothing() {
        var p = errors("t2", "backend-b").firing("b1", "backend-b-1", t0);
        var first = send(p);
        drain("CT2");
        int calls = slack.calls("CT2").size();
        long rows = jdbc.sql("select count(*) from outbox").query(Long.class).single();
        var again = send(p);
        assertThat(again.applied()).isZero();
        assertThat(again.repeated()).isEqualTo(1);
        assertThat(again.groupId()).isEqualTo(first.groupId());
        drain("CT2");
        assertThat(slack.calls("CT2")).hasSize(calls);
        assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single()).isEqualTo(rows);
        assertThat(kinds("alert:" + first.groupId())).hasSize(2);
    }

    @Test
    void resolvingUpdatesTheRootInPlaceWithOneLineThenResolvesTheGroupAndStopsEscalation() {
        var first = send(errors("t3", "backend-c").firing("c1", "backend-c-1", t0).firing("c2", "backend-c-2", t0));
        long id = groupId(first.groupId());
        drain("CT3");
        int before = slack.calls("CT3").size();
        send(errors("t3", "backend-c").resolved("c1", "backend-c-1", t0, t0.plusSeconds(120)).firing("c2", "backend-c-2", t0));
        drain("CT3");
        var after = slack.calls("CT3").subList(before, slack.calls("CT3").size());
        assertThat(after).extracting(c -> c.operation().startsWith("update:") ? "update" : c.conversation().thread() != null ? "reply" : "post")
                .containsExactlyInAnyOrder("update", "reply");
        assertThat(after.stream().filter(c -> c.operation().startsWith("update:")).findFirst().orElseThrow().message().fields())
                .anyMatch(f -> f.value().equals("1 firing · 1 resolved"));
        assertThat(after.stream().filter(c -> c.conversation().thread() != null).findFirst().orElseThrow().message().text())
                .isEqualTo("1 resolved: backend-c-1");

        send(errors("t3", "backend-c").resolved("c1", "backend-c-1", t0, t0.plusSeconds(120))
                .resolved("c2", "backend-c-2", t0, t0.plusSeconds(180)));
        AlertGroup g = repository.find(id).orElseThrow();
        assertThat(g.firing()).isFalse();
        assertThat(kinds(g.stream())).endsWith("alert.changed", "alert.group-resolved");
        assertThat(jdbc.sql("select count(*) from scheduled_task where task_key like ? and state = 'PENDING'")
                .param("alert.escalate:" + id + ":%").query(Long.class).single()).isZero();
        drain("CT3");
        var last = slack.calls("CT3").get(slack.calls("CT3").size() - 1);
        assertThat(last.message().text()).startsWith("All alerts resolved");
    }

    @Test
    void lateFiringAfterItsResolvedIsKeptAsHistoryButNotApplied() {
        var resolvedFirst = send(errors("t4", "backend-d").resolved("d1", "backend-d-1", t0, t0.plusSeconds(60)));
        long id = groupId(resolvedFirst.groupId());
        assertThat(repository.find(id).orElseThrow().firing()).isFalse();
        var late = send(errors("t4", "backend-d").firing("d1", "backend-d-1", t0));
        assertThat(late.applied()).isZero();
        assertThat(late.stale()).isEqualTo(1);
        assertThat(repository.find(id).orElseThrow().firing()).isFalse();
        assertThat(jdbc.sql("select count(*) from alert_state_change where group_id = ? and applied = false").param(id)
                .query(Long.class).single()).isEqualTo(1);
        drain("CT4");
        assertThat(slack.calls("CT4")).as("a group never seen firing gets no message").isEmpty();
    }

    @Test
    void aGroupFiringAgainStartsANewEpisodeAndForgetsTheOldAcknowledgement() {
        var first = send(errors("t5", "backend-e").firing("e1", "backend-e-1", t0));
        long id = groupId(first.groupId());
        repository.acknowledge(id, "li.si", Instant.now());
        send(errors("t5", "backend-e").resolved("e1", "backend-e-1", t0, t0.plusSeconds(60)));
        send(errors("t5", "backend-e").firing("e1", "backend-e-1", t0.plusSeconds(300)));
        AlertGroup g = repository.find(id).orElseThrow();
        assertThat(g.firing()).isTrue();
        assertThat(g.episode()).isEqualTo(2);
        assertThat(g.acked()).isFalse();
        assertThat(kinds(g.stream()).stream().filter(k -> k.equals("alert.group-fired")).count()).isEqualTo(2);
        drain("CT5");
        assertThat(slack.calls("CT5").get(slack.calls("CT5").size() - 1).message().text()).startsWith("Firing again (episode 2)");
        assertThat(slack.calls("CT5").stream().filter(c -> c.operation().equals("post") && c.conversation().thread() == null))
                .as("still one root").hasSize(1);
    }

    @Test
    void theSameNotificationFromTwoSendersAtOnceIsAppliedOnce() throws Exception {
        var p = errors("t6", "backend-f").firing("f1", "backend-f-1", t0).firing("f2", "backend-f-2", t0);
        var pool = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        List<Callable<AlertIntake.Result>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> {
                start.await();
                return send(p);
            });
        }
        var futures = calls.stream().map(pool::submit).toList();
        start.countDown();
        int applied = 0;
        for (var f : futures) {
            applied += f.get().applied();
        }
        pool.shutdown();
        assertThat(applied).isEqualTo(2);
        long id = groupId(futures.get(0).get().groupId());
        assertThat(jdbc.sql("select count(*) from alert_group where group_key = ?").param(repository.find(id).orElseThrow().groupKey())
                .query(Long.class).single()).isEqualTo(1);
        drain("CT6");
        assertThat(slack.calls("CT6").stream().filter(c -> c.operation().equals("post") && c.conversation().thread() == null)).hasSize(1);
    }
}
