package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's alerts on Warroom, checked and unit-tested by Prometheus' own promtool: each fires on the
 * series a sick Warroom exports (with the names and labels it really exports) and stays quiet on a healthy
 * one. Needs Debian's prometheus package (.ci/run installs it): a skip locally, a failure when CI=true.
 */
class PrometheusRuleTest {

    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final String S = "namespace=\"ops\",job=\"warroom\"";

    @TempDir Path dir;
    private Path rules;
    private List<String> alertNames;

    @BeforeEach
    void renderTheRules() throws Exception {
        if (!Files.isExecutable(PROMTOOL)) {
            String message = PROMTOOL + " is missing (Debian package prometheus, installed by .ci/run)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.assumeTrue(false, message);
        }
        String rendered = new Helm(HelmChartTest.CHART).template().withName("warroom").withNamespace("ops")
                .set("database.url", HelmChartTest.POSTGRES).set("prometheusRule.enabled", "true").call();
        JsonNode rule = Manifests.parse(rendered).one("PrometheusRule");
        rules = dir.resolve("rules.yaml");
        var yaml = new ObjectMapper(new YAMLFactory());
        yaml.writeValue(rules.toFile(), rule.path("spec"));
        alertNames = new ArrayList<>();
        rule.at("/spec/groups/0/rules").forEach(r -> alertNames.add(r.path("alert").asText()));
    }

    @Test
    void theRulesAreValidPromQl() throws Exception {
        assertThat(promtool("check", "rules", rules.toString())).contains("SUCCESS: " + alertNames.size() + " rules found");
        assertThat(alertNames).containsExactly("WarroomDown", "WarroomReplicasMissing", "WarroomDatabaseUnreachable",
                "WarroomOutboxStalled", "WarroomOutboxLagging", "WarroomDeliveriesFailed", "WarroomRequestsRejected",
                "WarroomApprovalStuckExecuting", "WarroomScheduledTasksFailing", "WarroomHeapNearlyFull");
    }

    @Test
    void eachAlertFiresOnASickWarroomAndNotOnAHealthyOne() throws Exception {
        Path tests = dir.resolve("tests.yaml");
        Files.writeString(tests, TESTS.replace("$S", S));
        String out = promtool("test", "rules", tests.toString());
        assertThat(out).contains("SUCCESS");
        for (String alert : alertNames) {
            assertThat(TESTS).as("a unit test for %s", alert).contains("alertname: " + alert + "\n");
        }
    }

    private String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Series named and labelled as Warroom exports them (with the ServiceMonitor's namespace and job). */
    private static final String TESTS = """
            rule_files: [rules.yaml]
            evaluation_interval: 1m
            tests:
              - name: no replica up, then a healthy pair
                interval: 1m
                input_series:
                  - {series: 'up{$S,pod="a"}', values: '0x10 1x20'}
                  - {series: 'up{$S,pod="b"}', values: '0x10 1x20'}
                alert_rule_test:
                  - eval_time: 6m
                    alertname: WarroomDown
                    exp_alerts:
                      - exp_labels: {severity: critical}
                        exp_annotations:
                          summary: No Warroom replica is up
                          description: 'Prometheus reaches no Warroom replica: chat commands, approvals and alert threads are not handled.'
                  - {eval_time: 25m, alertname: WarroomDown, exp_alerts: []}
                  - {eval_time: 25m, alertname: WarroomReplicasMissing, exp_alerts: []}
              - name: one of two replicas down
                interval: 1m
                input_series:
                  - {series: 'up{$S,pod="a"}', values: '1x30'}
                  - {series: 'up{$S,pod="b"}', values: '0x30'}
                alert_rule_test:
                  - eval_time: 16m
                    alertname: WarroomReplicasMissing
                    exp_alerts:
                      - exp_labels: {severity: warning}
                        exp_annotations:
                          summary: Fewer Warroom replicas than configured
                          description: '1 of 2 replicas are up: one more failure and Warroom is down.'
              - name: database gone
                interval: 1m
                input_series:
                  - {series: 'hikaricp_connections_timeout_total{$S,pod="a",pool="HikariPool-1"}', values: '0x5 0+2x15'}
                alert_rule_test:
                  - {eval_time: 5m, alertname: WarroomDatabaseUnreachable, exp_alerts: []}
                  - eval_time: 12m
                    alertname: WarroomDatabaseUnreachable
                    exp_alerts:
                      - exp_labels: {severity: critical, pod: a}
                        exp_annotations:
                          summary: Warroom cannot get database connections
                          description: 'a times out waiting for a database connection: it is not ready, and nothing is sent or stored.'
              - name: outbox queued and nothing sent
                interval: 1m
                input_series:
                  - {series: 'warroom_delivery_queue_depth{$S,pod="a"}', values: '5x30'}
                  - {series: 'warroom_delivery_queue_depth{$S,pod="b"}', values: '5x30'}
                  - {series: 'warroom_delivery_sent_total{$S,pod="a",platform="slack"}', values: '0+3x10 30x20'}
                alert_rule_test:
                  - {eval_time: 10m, alertname: WarroomOutboxStalled, exp_alerts: []}
                  - eval_time: 30m
                    alertname: WarroomOutboxStalled
                    exp_alerts:
                      - exp_labels: {severity: critical}
                        exp_annotations:
                          summary: Warroom's outbox is not draining
                          description: 5 chat messages are queued and none was delivered in 10 minutes.
              - name: replies late
                interval: 1m
                input_series:
                  - {series: 'warroom_delivery_delay_seconds_bucket{$S,pod="a",platform="slack",le="1.0"}', values: '0x30'}
                  - {series: 'warroom_delivery_delay_seconds_bucket{$S,pod="a",platform="slack",le="120.0"}', values: '0+10x30'}
                  - {series: 'warroom_delivery_delay_seconds_bucket{$S,pod="a",platform="slack",le="+Inf"}', values: '0+10x30'}
                alert_rule_test:
                  - eval_time: 30m
                    alertname: WarroomOutboxLagging
                    exp_alerts:
                      - exp_labels: {severity: warning}
                        exp_annotations:
                          summary: Warroom's replies arrive late
                          description: 95 % of chat messages took up to 1m 54s from enqueue to delivery.
              - name: a first failure (a new series) and a later one (an increase)
                interval: 1m
                input_series:
                  - {series: 'warroom_delivery_failed_total{$S,pod="a",platform="feishu"}', values: '_x40 1x20'}
                  - {series: 'warroom_delivery_failed_total{$S,pod="b",platform="slack"}', values: '2x50 3x10'}
                alert_rule_test:
                  - {eval_time: 35m, alertname: WarroomDeliveriesFailed, exp_alerts: []}
                  - eval_time: 45m
                    alertname: WarroomDeliveriesFailed
                    exp_alerts:
                      - exp_labels: {severity: warning, platform: feishu}
                        exp_annotations:
                          summary: Warroom gave up on chat messages
                          description: 'Messages to feishu were marked FAILED in the last 30 minutes; the outbox''s last_error says why.'
                  - eval_time: 55m
                    alertname: WarroomDeliveriesFailed
                    exp_alerts:
                      - exp_labels: {severity: warning, platform: feishu}
                        exp_annotations:
                          summary: Warroom gave up on chat messages
                          description: 'Messages to feishu were marked FAILED in the last 30 minutes; the outbox''s last_error says why.'
                      - exp_labels: {severity: warning, platform: slack}
                        exp_annotations:
                          summary: Warroom gave up on chat messages
                          description: 'Messages to slack were marked FAILED in the last 30 minutes; the outbox''s last_error says why.'
              - name: bad signatures spiking
                interval: 1m
                input_series:
                  - {series: 'warroom_inbound_rejected_total{$S,pod="a",endpoint="slack",reason="signature"}', values: '0+5x20'}
                  - {series: 'warroom_inbound_rejected_total{$S,pod="a",endpoint="console",reason="not-loopback"}', values: '0+50x20'}
                  - {series: 'warroom_inbound_rejected_total{$S,pod="a",endpoint="feishu",reason="stale"}', values: '0+1x20'}
                alert_rule_test:
                  - eval_time: 15m
                    alertname: WarroomRequestsRejected
                    exp_alerts:
                      - exp_labels: {severity: warning, endpoint: slack, reason: signature}
                        exp_annotations:
                          summary: Many requests to Warroom fail verification
                          description: '75 requests to the slack endpoint were refused (signature) in 15 minutes: a wrong secret or token, clock skew, or someone probing.'
              - name: an approval left executing by a dead replica
                interval: 1m
                input_series:
                  - {series: 'warroom_approval_executing_oldest_seconds{$S,pod="a"}', values: '0 0 0+60x30'}
                  - {series: 'warroom_approval_executing_oldest_seconds{$S,pod="b"}', values: '0 0 0+60x30'}
                alert_rule_test:
                  - {eval_time: 20m, alertname: WarroomApprovalStuckExecuting, exp_alerts: []}
                  - eval_time: 29m
                    alertname: WarroomApprovalStuckExecuting
                    exp_alerts:
                      - exp_labels: {severity: warning}
                        exp_annotations:
                          summary: An approved action has been running too long
                          description: 'An approval has been EXECUTING for 27m 0s: its replica probably died mid-action. Warroom never re-runs it; a person must check the target and close it.'
              - name: escalations giving up
                interval: 1m
                input_series:
                  - {series: 'warroom_schedule_runs_total{$S,pod="a",kind="alert-escalation",outcome="failed"}', values: '_x5 1x10'}
                  - {series: 'warroom_schedule_runs_total{$S,pod="a",kind="alert-escalation",outcome="done"}', values: '0+10x15'}
                alert_rule_test:
                  - {eval_time: 3m, alertname: WarroomScheduledTasksFailing, exp_alerts: []}
                  - eval_time: 10m
                    alertname: WarroomScheduledTasksFailing
                    exp_alerts:
                      - exp_labels: {severity: warning, kind: alert-escalation}
                        exp_annotations:
                          summary: Scheduled Warroom tasks gave up
                          description: Tasks of kind alert-escalation (escalations, reminders, checks) failed for good in the last hour.
              - name: heap nearly full
                interval: 1m
                input_series:
                  - {series: 'jvm_memory_used_bytes{$S,pod="a",area="heap",id="G1 Old Gen"}', values: '900x20'}
                  - {series: 'jvm_memory_used_bytes{$S,pod="a",area="heap",id="G1 Eden Space"}', values: '50x20'}
                  - {series: 'jvm_memory_max_bytes{$S,pod="a",area="heap",id="G1 Old Gen"}', values: '1000x20'}
                  - {series: 'jvm_memory_max_bytes{$S,pod="a",area="heap",id="G1 Eden Space"}', values: '-1x20'}
                  - {series: 'jvm_memory_used_bytes{$S,pod="b",area="heap",id="G1 Old Gen"}', values: '100x20'}
                  - {series: 'jvm_memory_max_bytes{$S,pod="b",area="heap",id="G1 Old Gen"}', values: '1000x20'}
                alert_rule_test:
                  - eval_time: 16m
                    alertname: WarroomHeapNearlyFull
                    exp_alerts:
                      - exp_labels: {severity: warning, pod: a}
                        exp_annotations:
                          summary: Warroom's heap is nearly full
                          description: a uses 95% of its heap.
            """;
}
