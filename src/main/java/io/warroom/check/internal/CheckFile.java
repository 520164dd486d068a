package io.warroom.check.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** A check file as written (docs/checks.md); keys are kebab-case ({@code on-failure}, {@code max-restarts}). */
record CheckFile(List<ListSpec> lists, List<ReminderSpec> reminders) {

    record ListSpec(String id, Map<String, String> name, String schedule, String onFailure, List<CheckSpec> checks) {
    }

    /** Exactly one of pods, http, prometheus, cronjob. */
    record CheckSpec(String id, Map<String, String> name, String runbook, PodsSpec pods, HttpSpec http,
                     PrometheusSpec prometheus, CronJobSpec cronjob) {
    }

    record PodsSpec(String namespace, String deployment, Integer maxRestarts) {
    }

    record HttpSpec(String service, String path, String maxLatency) {
    }

    record PrometheusSpec(String query, Double below, Double above, String unit, String noData) {
    }

    record CronJobSpec(String namespace, String name, String within) {
    }

    record ReminderSpec(String id, Map<String, String> name, Map<String, String> details, String schedule, String every,
                        LocalDateTime start, WhoSpec who, String runbook) {
    }

    record WhoSpec(List<String> people, List<String> groups, List<String> roles) {
    }
}
