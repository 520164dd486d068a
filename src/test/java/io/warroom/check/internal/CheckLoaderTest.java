package io.warroom.check.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.action.ActionExecutor;
import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Preview;
import io.warroom.action.RunAs;
import io.warroom.shared.ConfigurationProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

/** The shipped check files load, and every mistake in one stops start-up saying what to fix. */
class CheckLoaderTest {

    /** Stands for the real executors: only their names and operations matter to the loader. */
    record Named(String name, Set<String> operations) implements ActionExecutor {
        public Preview preview(ActionSpec spec, RunAs runAs) {
            throw new UnsupportedOperationException();
        }

        public ActionResult execute(ActionSpec spec, RunAs runAs) {
            throw new UnsupportedOperationException();
        }
    }

    static final ActionExecutors EXECUTORS = new ActionExecutors(List.of(
            new Named("kubernetes", Set.of("pods", "cronjobs")), new Named("http", Set.of("probe", "prometheus"))));

    private static CheckCatalog load(Map<String, String> overrides, String... yaml) {
        var files = java.util.Arrays.stream(yaml).map(y -> (org.springframework.core.io.Resource) new ByteArrayResource(
                y.getBytes(StandardCharsets.UTF_8), "test") {
            @Override
            public String getFilename() {
                return "test.yaml";
            }
        }).toList();
        return new CheckLoader(EXECUTORS, ZoneId.of("Asia/Shanghai"), overrides).load(files);
    }

    @Test
    void theShippedChecksAndRemindersLoad() throws Exception {
        List<org.springframework.core.io.Resource> files;
        try (var paths = Files.list(Path.of("checks"))) {
            files = paths.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .map(p -> (org.springframework.core.io.Resource) new FileSystemResource(p)).toList();
        }
        CheckCatalog catalog = new CheckLoader(EXECUTORS, ZoneId.of("Asia/Shanghai"), Map.of()).load(files);
        CheckList daily = catalog.list("daily").orElseThrow();
        assertThat(daily.checks()).extracting(Check::id).containsExactly("pods-after-sales", "pods-gateway", "backend-health",
                "gateway-health", "error-rate", "p95-latency", "cpu", "memory", "disk", "backups");
        assertThat(daily.recurrence()).hasToString("0 9,14,20 * * *");
        assertThat(daily.checks().get(0).action()).isEqualTo(new ActionSpec("kubernetes", "pods", null, "after-sales-prod", null, Map.of()));
        assertThat(catalog.reminders()).extracting(Reminder::id).contains("performance-report", "restore-drill", "vacuum",
                "secret-key-rotation");
    }

    @Test
    void aSettingReplacesOrTurnsOffAListsSchedule() {
        String file = """
                lists:
                  - {id: daily, name: {en: Daily, zh-CN: 每日}, schedule: "0 9 * * *",
                     checks: [{id: a, name: {en: A, zh-CN: 甲}, http: {service: backend}}]}
                """;
        assertThat(load(Map.of("daily", "0 8 * * MON-FRI"), file).list("daily").orElseThrow().recurrence())
                .hasToString("0 8 * * MON-FRI");
        assertThat(load(Map.of("daily", "off"), file).list("daily").orElseThrow().recurrence()).isNull();
        assertThatThrownBy(() -> load(Map.of("nightly", "0 1 * * *"), file))
                .hasMessage("warroom.checks.schedules.nightly: no check list has that id");
    }

    @Test
    void mistakesNameTheFileTheIdAndTheFix() {
        assertThatThrownBy(() -> load(Map.of(), "lists: [{id: d, name: {en: D}, checks: []}]"))
                .isInstanceOf(ConfigurationProblem.class).hasMessage("Checks test.yaml (d): the list needs a name in English and Chinese: name: {en: ..., zh-CN: ...}");
        assertThatThrownBy(() -> load(Map.of(), """
                lists: [{id: d, name: {en: D, zh-CN: 丁}, checks: [{id: a, name: {en: A, zh-CN: 甲},
                  http: {service: x}, pods: {namespace: y}}]}]"""))
                .hasMessage("Checks test.yaml (d): check a: give exactly one of pods, http, prometheus, cronjob");
        assertThatThrownBy(() -> load(Map.of(), """
                lists: [{id: d, name: {en: D, zh-CN: 丁}, checks: [{id: a, name: {en: A, zh-CN: 甲}, prometheus: {query: up}}]}]"""))
                .hasMessageEndingWith("check a: prometheus needs a threshold: below and/or above");
        assertThatThrownBy(() -> load(Map.of(), """
                lists: [{id: d, name: {en: D, zh-CN: 丁}, schedule: "at nine", checks: [{id: a, name: {en: A, zh-CN: 甲}, http: {service: x}}]}]"""))
                .hasMessageContaining("schedule 'at nine' is not a cron expression");
        assertThatThrownBy(() -> load(Map.of(), """
                lists: [{id: d, name: {en: D, zh-CN: 丁}, on-failure: shout, checks: [{id: a, name: {en: A, zh-CN: 甲}, http: {service: x}}]}]"""))
                .hasMessageEndingWith("on-failure must be one of [mention, thread, none]");
        assertThatThrownBy(() -> load(Map.of(), "lists: [{id: d, name: {en: D, zh-CN: 丁}, chekcs: []}]"))
                .hasMessage("Checks test.yaml:1: unknown key 'chekcs'");
        assertThatThrownBy(() -> load(Map.of(), "reminders: [{id: r, name: {en: R, zh-CN: 乙}, schedule: \"0 9 * * *\", every: P1D}]"))
                .hasMessageEndingWith("give either schedule (cron) or every + start");
        assertThatThrownBy(() -> load(Map.of(), """
                lists: [{id: d, name: {en: D, zh-CN: 丁}, checks: [{id: a, name: {en: A, zh-CN: 甲}, cronjob: {namespace: n, within: soon}}]}]"""))
                .hasMessageEndingWith("within 'soon' is not a duration like 24h, 500ms or P90D");
    }
}
