package io.warroom.kubernetes.internal.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Believable log lines for the sandbox's pods, in the runbooks' style (Spring Boot services in
 * after-sales-prod, the Python gateway and Celery worker), deterministic per pod, with ERROR lines mixed
 * in. A container that last terminated (OOMKilled) has "previous" logs that end in the crash.
 */
final class SandboxLogs {

    record Result(String text, String error) {
    }

    private static final int SPAN_SECONDS = 3 * 3600;

    private final Clock clock;

    SandboxLogs(Clock clock) {
        this.clock = clock;
    }

    Result lines(Pod pod, String container, boolean previous, Integer sinceSeconds, Integer tailLines) {
        String name = pod.getMetadata().getName();
        var containers = pod.getSpec().getContainers();
        if (container != null && containers.stream().noneMatch(c -> container.equals(c.getName()))) {
            return new Result(null, "container " + container + " is not valid for pod " + name);
        }
        if (container == null && containers.size() > 1) {
            return new Result(null, "a container name must be specified for pod " + name);
        }
        String app = pod.getMetadata().getLabels() == null ? "app" : pod.getMetadata().getLabels().getOrDefault("app", "app");
        ContainerStatus status = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                || pod.getStatus().getContainerStatuses().isEmpty() ? null : pod.getStatus().getContainerStatuses().get(0);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> out = new ArrayList<>();
        if (previous) {
            if (status == null || status.getLastState() == null || status.getLastState().getTerminated() == null) {
                return new Result(null, "previous terminated container \"" + containers.get(0).getName() + "\" in pod \""
                        + name + "\" not found");
            }
            Instant end = java.time.Instant.parse(status.getLastState().getTerminated().getFinishedAt());
            generate(out, app, name + "#previous", end.minusSeconds(600), end, sinceSeconds, now);
            out.addAll(crash(app, end, status.getLastState().getTerminated().getReason()));
        } else {
            Instant started = pod.getStatus() != null && status != null && status.getState() != null
                    && status.getState().getRunning() != null && status.getState().getRunning().getStartedAt() != null
                    ? Instant.parse(status.getState().getRunning().getStartedAt()) : now.minusSeconds(SPAN_SECONDS);
            if (status != null && status.getState() != null && status.getState().getWaiting() != null) {
                return new Result("", null); // waiting to restart: nothing running, nothing logged
            }
            Instant from = started.isAfter(now.minusSeconds(SPAN_SECONDS)) ? started : now.minusSeconds(SPAN_SECONDS);
            if (from.equals(started) && (sinceSeconds == null || !started.isBefore(now.minusSeconds(sinceSeconds)))) {
                out.add(startup(app, started));
            }
            generate(out, app, name, from, now, sinceSeconds, now);
        }
        if (tailLines != null && tailLines >= 0 && out.size() > tailLines) {
            out = out.subList(out.size() - tailLines, out.size());
        }
        return new Result(out.isEmpty() ? "" : String.join("\n", out) + "\n", null);
    }

    private static void generate(List<String> out, String app, String seed, Instant from, Instant to, Integer since, Instant now) {
        Random random = new Random(seed.hashCode());
        Instant cutoff = since == null ? Instant.MIN : now.minusSeconds(since);
        for (Instant t = from.plusMillis(random.nextInt(40_000)); t.isBefore(to); t = t.plusMillis(20_000 + random.nextInt(140_000))) {
            String line = line(app, t, random);
            if (!t.isBefore(cutoff)) {
                out.add(line);
            }
        }
    }

    private static String line(String app, Instant t, Random r) {
        int roll = r.nextInt(100);
        String trace = "req-" + Integer.toHexString(0x100000 + r.nextInt(0xEFFFFF));
        return switch (app) {
            case "gateway" -> t + " level=" + (roll < 8 ? "ERROR" : roll < 15 ? "WARNING" : "INFO") + " trace_id=" + trace + " "
                    + (roll < 5 ? "upstream_error provider=openai error_code=upstream_timeout latency_ms=" + (5000 + r.nextInt(3000))
                    : roll < 8 ? "upstream_error provider=anthropic error_code=rate_limited status=429 latency_ms=" + (200 + r.nextInt(400))
                    : roll < 15 ? "RATE_LIMIT api_key=ak_***" + Integer.toHexString(0x100 + r.nextInt(0xEFF)) + " rpm=100"
                    : "path=/v1/chat/completions status=200 provider=openai latency_ms=" + (300 + r.nextInt(1500)));
            case "worker" -> "[" + t + ": " + (roll < 7 ? "ERROR/ForkPoolWorker-" + (1 + r.nextInt(4)) + "] Task app.tasks.billing.settle["
                    + trace + "] raised unexpected: OperationalError('too many connections')"
                    : "INFO/ForkPoolWorker-" + (1 + r.nextInt(4)) + "] Task app.tasks.billing.settle[" + trace + "] succeeded in 0."
                    + (10 + r.nextInt(89)) + "s");
            case "redis" -> "1:M " + t + (roll < 10 ? " # WARNING: 85% of maxmemory used" : roll < 30
                    ? " * Background saving started by pid " + (400 + r.nextInt(100)) : " * 100 changes in 300 seconds. Saving...");
            default -> t + (roll < 6 ? " ERROR 1 --- [outbox-publisher] c.a.s.outbox.OutboxProcessor : publish failed for event "
                    + (8000 + r.nextInt(2000)) + ": Connection refused (redis-0.redis:6379)"
                    : roll < 9 ? " ERROR 1 --- [nio-8080-exec-" + (1 + r.nextInt(9)) + "] c.a.s." + app
                    + ".web.GlobalExceptionHandler : trace_id=" + trace + " DataAccessResourceFailureException: HikariPool-1 - Connection is not available, request timed out after 30000ms"
                    : roll < 16 ? " WARN 1 --- [nio-8080-exec-" + (1 + r.nextInt(9)) + "] c.a.s." + app + ".web.SlowRequestFilter : trace_id="
                    + trace + " GET /api/v1/conversations took " + (500 + r.nextInt(1500)) + "ms"
                    : " INFO 1 --- [nio-8080-exec-" + (1 + r.nextInt(9)) + "] c.a.s." + app + ".web.AccessLog : trace_id=" + trace
                    + " GET /api/v1/tickets?status=open 200 " + (8 + r.nextInt(120)) + "ms");
        };
    }

    private static String startup(String app, Instant t) {
        return switch (app) {
            case "gateway" -> t + " level=INFO Application startup complete. Uvicorn running on http://0.0.0.0:8000";
            case "worker" -> "[" + t + ": INFO/MainProcess] celery@" + app + " ready.";
            case "redis" -> "1:M " + t + " * Ready to accept connections tcp";
            default -> t + " INFO 1 --- [main] c.a.s." + app + ".Application : Started Application in 9.84 seconds (process running for 10.6)";
        };
    }

    private static List<String> crash(String app, Instant end, String reason) {
        if ("OOMKilled".equals(reason)) {
            return List.of(
                    end.minusMillis(900) + " ERROR 1 --- [nio-8080-exec-7] c.a.s." + app + ".llm.ContextAssembler : java.lang.OutOfMemoryError: Java heap space",
                    end.minusMillis(850) + " ERROR 1 --- [nio-8080-exec-7] o.a.c.c.C.[Tomcat].[localhost] : Exception Processing ErrorPage[errorCode=0, location=/error]",
                    end.minusMillis(120) + " WARN 1 --- [SpringApplicationShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown");
        }
        return List.of(end.minusMillis(500) + " ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed");
    }
}
