package io.warroom.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.action.ActionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each kind of check reads an executor's facts. */
class JudgesTest {

    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    static ActionResult facts(Map<String, String> facts) {
        return new ActionResult("x", List.of(), "", false, false, facts);
    }

    @Test
    void podsMustRunReadyAndNotRestartOftenWhileCompletedJobsAreFine() {
        var judge = new PodsJudge(5);
        var healthy = Map.of("pod.a.phase", "Running", "pod.a.status", "Running", "pod.a.ready", "2/2", "pod.a.restarts", "5",
                "pod.job-1.phase", "Succeeded", "pod.job-1.status", "Completed", "pod.job-1.ready", "0/1", "pod.job-1.restarts", "0");
        assertThat(judge.judge(facts(healthy), NOW)).isEqualTo(Verdict.ok("check.pods.ok", 1));

        var sick = new java.util.HashMap<>(healthy);
        sick.putAll(Map.of("pod.b.phase", "Running", "pod.b.status", "CrashLoopBackOff", "pod.b.ready", "0/1", "pod.b.restarts", "7"));
        sick.putAll(Map.of("pod.c.phase", "Running", "pod.c.status", "Running", "pod.c.ready", "1/2", "pod.c.restarts", "0"));
        sick.putAll(Map.of("pod.d.phase", "Running", "pod.d.status", "Running", "pod.d.ready", "1/1", "pod.d.restarts", "6"));
        Verdict v = judge.judge(facts(sick), NOW);
        assertThat(v.ok()).isFalse();
        assertThat(v.args()).containsExactly("3", "4",
                "b: CrashLoopBackOff, 0/1 ready, 7 restarts; c: Running, 1/2 ready, 0 restarts; d: Running, 1/1 ready, 6 restarts", "5");
        assertThat(judge.judge(facts(Map.of("pods", "0")), NOW)).isEqualTo(Verdict.fail("check.pods.none"));
    }

    @Test
    void prometheusThresholdsApplyToEverySeriesAndNoDataIsAChoice() {
        var errorRate = new PrometheusJudge(0.001, null, "percent", false);
        assertThat(errorRate.judge(facts(Map.of("value.value", "0.0004")), NOW)).isEqualTo(Verdict.ok("check.prometheus.ok", "0.04 %", "< 0.1 %"));
        assertThat(errorRate.judge(facts(Map.of("value.value", "0.0025")), NOW))
                .isEqualTo(Verdict.fail("check.prometheus.failed", "0.25 %", "< 0.1 %"));
        assertThat(errorRate.judge(facts(Map.of("value.value", "NaN")), NOW).ok()).isFalse();
        assertThat(errorRate.judge(facts(Map.of("value.value", "")), NOW)).isEqualTo(Verdict.fail("check.prometheus.no-data"));
        assertThat(new PrometheusJudge(0.001, null, "percent", true).judge(facts(Map.of("value.value", "")), NOW).ok()).isTrue();

        var latency = new PrometheusJudge(0.2, null, "seconds", false);
        Verdict both = latency.judge(facts(Map.of("value.value{pod=\"a\"}", "0.15", "value.value{pod=\"b\"}", "0.31")), NOW);
        assertThat(both).isEqualTo(Verdict.fail("check.prometheus.failed", "{pod=\"b\"}310 ms", "< 200 ms"));
        assertThat(new PrometheusJudge(null, 1.0, null, false).judge(facts(Map.of("value.value", "3")), NOW).ok()).isTrue();
    }

    @Test
    void backupsMustHaveSucceededRecentlyAndNotFailedSince() {
        var judge = new BackupJudge(Duration.ofHours(24));
        var ok = Map.of("cronjob.pg-backup.last-success", "2026-11-29T18:07:00Z", "cronjob.pg-backup.latest-job", "Complete",
                "cronjob.pg-backup.suspended", "false");
        assertThat(judge.judge(facts(ok), NOW)).isEqualTo(Verdict.ok("check.backup.ok", "pg-backup: last success 11h53m ago"));
        assertThat(judge.judge(facts(Map.of("cronjob.pg-backup.last-success", "2026-11-28T18:07:00Z",
                "cronjob.pg-backup.latest-job", "Complete", "cronjob.pg-backup.suspended", "false")), NOW).args())
                .containsExactly("pg-backup: last success 1d11h ago", "1d00h");
        assertThat(judge.judge(facts(Map.of("cronjob.pg-backup.last-success", "2026-11-29T18:07:00Z",
                "cronjob.pg-backup.latest-job", "Failed (BackoffLimitExceeded)", "cronjob.pg-backup.suspended", "false")), NOW).args())
                .containsExactly("pg-backup: latest job Failed (BackoffLimitExceeded)", "1d00h");
        assertThat(judge.judge(facts(Map.of("cronjob.pg-backup.last-success", "", "cronjob.pg-backup.latest-job", "no jobs",
                "cronjob.pg-backup.suspended", "true")), NOW).args().get(0)).isEqualTo("pg-backup: suspended");
        assertThat(judge.judge(facts(Map.of("cronjobs", "0")), NOW)).isEqualTo(Verdict.fail("check.backup.none"));
    }

    @Test
    void aSlowProbeFailsWhenALimitIsSet() {
        var result = facts(Map.of("status", "200", "latency-ms", "2400"));
        assertThat(new HttpJudge(null).judge(result, NOW)).isEqualTo(Verdict.ok("check.http.ok", "200", 2400));
        assertThat(new HttpJudge(Duration.ofSeconds(2)).judge(result, NOW)).isEqualTo(Verdict.fail("check.http.slow", "200", 2400, 2000));
    }
}
