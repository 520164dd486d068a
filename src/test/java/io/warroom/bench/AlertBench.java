package io.warroom.bench;

import io.warroom.WarroomApplication;
import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.support.AlertPayloads;
import io.warroom.support.EmbeddedPostgresInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alertmanager webhook intake and alert storms, measured (not part of the build; see docs/benchmarks.md).
 *
 * <p>{@code -Dbench.scenario=intake}: closed-loop load of {@code bench.clients} senders, each posting
 * notifications of {@code bench.alerts} new firing alerts (a new group each time), warm-up then a measured
 * window; every acknowledged alert must be stored and on the timeline. In the same run, the baseline: the
 * same rows written by the same number of threads straight into the same database with JDBC batches,
 * one transaction per notification — the physical limit of storing them.
 *
 * <p>{@code -Dbench.scenario=storm}: 20,000 alerts in 200 groups over 60 s into ten routes, each mirrored
 * to a Slack channel and a Feishu group (fakes that enforce the platforms' limits), with a critical group
 * every 3 s; reports lost alerts, 429 answers, messages sent and the critical groups' time to chat.
 *
 * <p>{@code -Dbench.db=h2|postgres} (h2: a file database, as the default installation uses).
 */
public final class AlertBench {

    private AlertBench() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = System.getProperty("bench.scenario", "intake");
        String db = System.getProperty("bench.db", "h2");
        System.out.printf(Locale.ROOT, "# %s on %s, %s, %d cores, load %.2f%n", scenario, db,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (scenario.equals("storm")) {
            storm(db);
        } else {
            intake(db);
        }
        System.exit(0);
    }

    private static String databaseUrl(String db) throws Exception {
        if (db.equals("postgres")) {
            return EmbeddedPostgresInitializer.newDatabaseUrl("bench_" + Long.toHexString(System.nanoTime()));
        }
        return "jdbc:h2:file:" + Files.createTempDirectory("warroom-bench-") + "/warroom;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    private static ConfigurableApplicationContext warroom(String url, String routing, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--warroom.alerts.token=" + AlertPayloads.TOKEN, "--warroom.alerts.routing=" + routing,
                "--warroom.alerts.max-concurrent=64", "--logging.level.root=WARN", "--logging.level.io.warroom=WARN"));
        if (url.contains("postgresql")) {
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=");
        }
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(WarroomApplication.class).run(args.toArray(String[]::new));
    }

    // ------------------------------------------------------------------ intake

    private static void intake(String db) throws Exception {
        int clients = Integer.getInteger("bench.clients", 8);
        int perNotification = Integer.getInteger("bench.alerts", 50);
        int warmup = Integer.getInteger("bench.warmup", 15);
        int seconds = Integer.getInteger("bench.seconds", 20);
        var ctx = warroom(databaseUrl(db), "classpath:bench-alerts/intake-routing.yaml");
        String url = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/alerts/alertmanager";
        var jdbc = ctx.getBean(JdbcClient.class);

        var warroomRun = load(clients, warmup, seconds, (client, n) -> {
            String json = notification("svc-" + client + "-" + n, perNotification);
            var r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        });
        long stored = jdbc.sql("select count(*) from alert").query(Long.class).single();
        long acknowledged = (long) warroomRun.okTotal * perNotification;
        long onTimeline = jdbc.sql("select count(*) from timeline_entry where kind = 'alert.changed'").query(Long.class).single();

        jdbc.sql("create table bench_raw (id bigint generated by default as identity primary key, grp varchar(100), "
                + "fingerprint varchar(64), status varchar(12), labels text, starts_at timestamp with time zone)").update();
        if (db.equals("h2")) {
            // As Warroom's own tables on H2 (db/vendor/h2): a small identity cache would serialise the writers.
            jdbc.sql("alter table bench_raw alter column id set cache 10000").update();
        }
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(ctx.getBean(DataSource.class)));
        String labels = "{\"alertname\":\"NodeNotReady\",\"service\":\"svc\",\"severity\":\"warning\",\"instance\":\"node-1\"}";
        var baseline = load(clients, warmup, seconds, (client, n) -> {
            tx.executeWithoutResult(s -> {
                List<Object[]> rows = new ArrayList<>();
                for (int a = 0; a < perNotification; a++) {
                    rows.add(new Object[] {"g-" + client + "-" + n, String.format("%08x", a), "FIRING", labels,
                            java.time.OffsetDateTime.now()});
                }
                new org.springframework.jdbc.core.JdbcTemplate(ctx.getBean(DataSource.class)).batchUpdate(
                        "insert into bench_raw (grp, fingerprint, status, labels, starts_at) values (?, ?, ?, ?, ?)", rows);
            });
            return true;
        });
        ctx.close();

        System.out.printf(Locale.ROOT, "%-34s %12s %10s %10s %10s %8s%n", "target", "alerts/s", "p50 ms", "p99 ms", "requests", "errors");
        row("Warroom webhook (" + perNotification + " alerts/req)", warroomRun, perNotification);
        row("baseline: raw batch inserts", baseline, perNotification);
        System.out.printf(Locale.ROOT, "ratio Warroom / baseline: %.2f%n", warroomRun.rate() / baseline.rate());
        System.out.printf(Locale.ROOT, "stored alerts %d, acknowledged %d, lost %d; alert.changed timeline entries %d%n",
                stored, acknowledged, Math.max(0, acknowledged - stored), onTimeline);
    }

    private static void row(String name, Run r, int perRequest) {
        System.out.printf(Locale.ROOT, "%-34s %12.0f %10.1f %10.1f %10d %8d%n", name, r.rate() * perRequest,
                r.percentile(50) / 1000.0, r.percentile(99) / 1000.0, r.ok, r.errors);
    }

    private static String notification(String service, int alerts) {
        var p = AlertPayloads.group("NodeNotReady", "service", service).common("severity", "warning")
                .annotation("summary", "node not ready");
        Instant start = Instant.now().minusSeconds(60);
        for (int a = 0; a < alerts; a++) {
            p.firing(String.format("%08x", a), "node-" + a, start);
        }
        return p.json();
    }

    private interface Call {
        boolean run(int client, int n) throws Exception;
    }

    /** Counts and latencies (microseconds) of the calls completed inside the measured window. */
    private static final class Run {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        volatile int ok;
        volatile int okTotal;
        volatile int errors;
        double seconds;

        double rate() {
            return ok / seconds;
        }

        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Run load(int clients, int warmup, int seconds, Call call) throws Exception {
        Run run = new Run();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        var okCount = new AtomicInteger();
        var okTotal = new AtomicInteger();
        var errorCount = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.run(client, n++);
                    } catch (Exception e) {
                        ok = false;
                    }
                    long t1 = System.nanoTime();
                    if (ok) {
                        okTotal.incrementAndGet();
                    }
                    if (t0 >= measureFrom && t1 <= end) {
                        if (ok) {
                            okCount.incrementAndGet();
                            run.latencies.add((t1 - t0) / 1000);
                        } else {
                            errorCount.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(warmup + seconds + 120, TimeUnit.SECONDS);
        run.ok = okCount.get();
        run.okTotal = okTotal.get();
        run.errors = errorCount.get();
        run.seconds = seconds;
        return run;
    }

    // ------------------------------------------------------------------ storm

    private static void storm(String db) throws Exception {
        int groups = 200;
        int alertsPerGroup = 100;
        int notificationsPerGroup = 5;
        int stormSeconds = 60;
        var slack = new FakeSlackApi(Duration.ofSeconds(1));
        var feishu = FakeFeishuOpenApi.standalone();
        for (int r = 0; r < 10; r++) {
            feishu.addGroup(String.format("oc_bench%04d", r));
        }
        var ctx = warroom(databaseUrl(db), "classpath:bench-alerts/storm-routing.yaml",
                "--warroom.slack.bot-token=" + FakeSlackApi.TOKEN, "--warroom.slack.signing-secret=0123456789abcdef0123456789abcdef",
                "--warroom.slack.api-base-url=" + slack.baseUrl(),
                "--warroom.feishu.app-id=" + FakeFeishuOpenApi.APP_ID, "--warroom.feishu.app-secret=" + FakeFeishuOpenApi.APP_SECRET,
                "--warroom.feishu.verification-token=bench-verification-token", "--warroom.feishu.encrypt-key=bench-encrypt-key",
                "--warroom.feishu.base-url=" + feishu.url(), "--warroom.delivery.poll-interval=50ms");
        String url = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/alerts/alertmanager";
        var jdbc = ctx.getBean(JdbcClient.class);

        // Each group's alerts arrive in notificationsPerGroup steps, each carrying the group's whole state so far,
        // as Alertmanager sends them; all notifications spread evenly over the storm.
        List<Runnable> schedule = new ArrayList<>();
        Instant since = Instant.now().minusSeconds(30);
        for (int step = 1; step <= notificationsPerGroup; step++) {
            for (int g = 0; g < groups; g++) {
                int gg = g;
                int upTo = alertsPerGroup * step / notificationsPerGroup;
                schedule.add(() -> post(url, group(gg, upTo, since)));
            }
        }
        var criticalSent = new ConcurrentLinkedQueue<long[]>();
        var pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(stormSeconds) / schedule.size();
        var criticals = Executors.newSingleThreadScheduledExecutor();
        var criticalIndex = new AtomicInteger();
        criticals.scheduleAtFixedRate(() -> {
            int i = criticalIndex.getAndIncrement();
            String json = AlertPayloads.group("DiskFull", "service", "critical-" + i, "route", "r" + (i % 10))
                    .common("severity", "critical").firing("c" + Integer.toHexString(i), "pod-" + i, Instant.now()).json();
            if (post(url, json)) {
                criticalSent.add(new long[] {i, System.nanoTime()});
            }
        }, 3, 3, TimeUnit.SECONDS);
        var failed = new AtomicLong();
        for (int i = 0; i < schedule.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Runnable send = schedule.get(i);
            pool.submit(() -> {
                try {
                    send.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        criticals.shutdownNow();
        double took = (System.nanoTime() - start) / 1e9;
        // Let the outbox finish (the digests' last edits) before counting what chat got.
        long drainStart = System.nanoTime();
        while (jdbc.sql("select count(*) from outbox where state in ('PENDING', 'SENDING')").query(Long.class).single() > 0
                && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(180)) {
            Thread.sleep(500);
        }
        double drained = (System.nanoTime() - drainStart) / 1e9;

        List<Long> slackLatency = new ArrayList<>();
        List<Long> feishuLatency = new ArrayList<>();
        for (long[] c : criticalSent) {
            int i = (int) c[0];
            String route = "r" + (i % 10);
            long s = slack.firstRootAt("CBENCH" + (i % 10), "critical-" + i);
            long f = feishu.firstCardAt(String.format("oc_bench%04d", i % 10), "critical-" + i);
            slackLatency.add(s < 0 ? Long.MAX_VALUE : (s - c[1]) / 1_000_000);
            feishuLatency.add(f < 0 ? Long.MAX_VALUE : (f - c[1]) / 1_000_000);
            if (s < 0 || f < 0) {
                System.out.println("critical " + i + " (" + route + ") never reached " + (s < 0 ? "Slack " : "") + (f < 0 ? "Feishu" : ""));
            }
        }
        long expected = (long) groups * alertsPerGroup + criticalSent.size();
        long stored = jdbc.sql("select count(*) from alert").query(Long.class).single();
        long failedRows = jdbc.sql("select count(*) from outbox where state = 'FAILED'").query(Long.class).single();
        ctx.close();
        slack.close();
        feishu.stop();

        System.out.printf(Locale.ROOT, "storm: %d notifications + %d critical groups in %.1f s; outbox drained %.1f s later%n",
                schedule.size(), criticalSent.size(), took, drained);
        System.out.printf(Locale.ROOT, "alerts expected %d, stored %d, lost %d; webhook requests failed %d%n",
                expected, stored, expected - stored, failed.get());
        System.out.printf(Locale.ROOT, "Slack: %d API calls, %d messages posted, %d answered 429%n",
                slack.callsTotal(), slack.postsTotal(), slack.throttledTotal());
        System.out.printf(Locale.ROOT, "Feishu: %d messages, %d answered 429; outbox rows failed for good: %d%n",
                feishu.messagesSent(), feishu.answered429(), failedRows);
        System.out.printf(Locale.ROOT, "critical root in chat (ms): Slack p50 %d p99 %d max %d; Feishu p50 %d p99 %d max %d%n",
                pct(slackLatency, 50), pct(slackLatency, 99), pct(slackLatency, 100),
                pct(feishuLatency, 50), pct(feishuLatency, 99), pct(feishuLatency, 100));
    }

    private static String group(int g, int upTo, Instant since) {
        var p = AlertPayloads.group("NodeNotReady", "service", "svc-" + g, "route", "r" + (g % 10))
                .common("severity", "warning").annotation("summary", "node not ready");
        for (int a = 0; a < upTo; a++) {
            p.firing(String.format("%04x%04x", g, a), "node-" + g + "-" + a, since);
        }
        return p.json();
    }

    private static boolean post(String url, String json) {
        try {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, Math.max(0, (sorted.size() * p + 99) / 100 - 1)));
    }
}
