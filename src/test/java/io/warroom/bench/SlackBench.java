package io.warroom.bench;

import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.slack.internal.SignedSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ack latency of signed slash commands sent at a steady (open-loop) rate, Warroom vs a bare Bolt app that
 * only acks, in one JVM and one run, both against the fake Slack Web API. Latency is measured from the
 * moment a request was due, so a stalled server is not hidden by the generator slowing down. Not part of
 * the build; see docs/benchmarks.md for how to run it.
 *
 * <p>System properties: {@code bench.rates} (default 50,100,200,400,800), {@code bench.seconds} per step (10).
 */
public final class SlackBench {

    /**
     * {@code busy}: acked with "Warroom is busy" (the worker queue was full), so not handled;
     * {@code handled}: commands that reached the outbox by the end of the step plus up to 30 s of draining;
     * {@code processed}: handled commands per second from the step's start until the last one was handled.
     */
    private record Result(String target, int rate, int sent, int ok, int busy, int failed, double achieved, long p50,
                          long p90, long p99, long max, long handled, double processed) {
        boolean sustained() {
            // latencies are in microseconds
            return failed == 0 && busy == 0 && achieved >= rate * 0.97 && p99 < 1_000_000
                    && (handled < 0 || handled == ok);
        }
    }

    private record Target(String name, int port, String text, JdbcClient db) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        List<Integer> rates = Arrays.stream(System.getProperty("bench.rates", "50,100,200,400,800").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        try (FakeSlackApi fake = new FakeSlackApi(Duration.ofSeconds(1))) {
            Tomcat bare = BenchApps.bareBolt(fake.baseUrl());
            ConfigurableApplicationContext warroom = BenchApps.warroom(BenchApps.databaseUrl("h2-mem"),
                    BenchApps.slack(fake.baseUrl(), "classpath:rosters/slack-roster.yaml"));
            int warroomPort = BenchApps.port(warroom);
            List<Target> targets = List.of(
                    new Target("bare Bolt (ack only)", bare.getConnector().getLocalPort(), "help", null),
                    new Target("Warroom: help (read)", warroomPort, "help", warroom.getBean(JdbcClient.class)),
                    new Target("Warroom: note (write: timeline + outbox)", warroomPort, "note benchmark entry",
                            warroom.getBean(JdbcClient.class)));
            List<Result> results = new ArrayList<>();
            for (Target t : targets) {
                run(t, 100, 5); // warm-up: JIT, connection pools
                for (int rate : rates) {
                    Result r = run(t, rate, seconds);
                    results.add(r);
                    System.out.println(line(r));
                    if (!r.sustained()) {
                        break;
                    }
                    Thread.sleep(2000);
                }
            }
            System.out.println();
            System.out.println("| target | rate/s | acked/s | ok | busy | failed | p50 ms | p90 ms | p99 ms | max ms | handled | handled/s |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            results.forEach(r -> System.out.println(line(r)));
            warroom.close();
            BenchApps.stop(bare);
        }
        System.exit(0);
    }

    private static String line(Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %s |",
                r.target(), r.rate(), r.achieved(), r.ok(), r.busy(), r.failed(), r.p50() / 1000.0, r.p90() / 1000.0,
                r.p99() / 1000.0, r.max() / 1000.0, r.handled() < 0 ? "–" : Long.toString(r.handled()),
                r.handled() < 0 ? "–" : String.format(Locale.ROOT, "%.0f", r.processed()));
    }

    private static Result run(Target target, int rate, int seconds) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + target.port() + "/slack/events");
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long outboxBefore = outboxRows(target);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String channel = "CBENCH" + (i % 200);
            String body = SignedSlack.slashCommandBody("U0ZHANGSAN", "zhang", channel, target.text(), "trig-" + i);
            Map<String, String> headers = SignedSlack.signature(body, Instant.now().getEpochSecond());
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            inFlight.add(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((resp, error) -> {
                if (error == null && resp.statusCode() == 200) {
                    latencies.add((System.nanoTime() - due) / 1000);
                    if (!resp.body().isEmpty() && target.db() != null) {
                        busy.incrementAndGet();
                    }
                } else {
                    if (failed.incrementAndGet() == 1) {
                        System.err.println(target.name() + ": first failure: "
                                + (error != null ? error.toString() : "HTTP " + resp.statusCode()));
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long handled = -1;
        double processed = 0;
        if (target.db() != null) {
            long expected = sorted.length - busy.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            handled = outboxRows(target) - outboxBefore;
            while (handled < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
                handled = outboxRows(target) - outboxBefore;
            }
            processed = handled / ((System.nanoTime() - start) / 1e9);
        }
        return new Result(target.name(), rate, total, sorted.length, busy.get(), failed.get(), sorted.length / elapsed,
                BenchApps.percentile(sorted, 50), BenchApps.percentile(sorted, 90), BenchApps.percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], handled, processed);
    }

    /** Every handled command queues exactly one reply: outbox rows count handled commands. */
    private static long outboxRows(Target target) {
        return target.db() == null ? 0 : target.db().sql("select count(*) from outbox").query(Long.class).single();
    }
}
