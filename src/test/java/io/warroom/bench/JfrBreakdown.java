package io.warroom.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time went in a JFR recording of a benchmark: CPU samples ({@code jdk.ExecutionSample}) by thread
 * group (request threads, command workers, outbox dispatcher, the load generator) and, inside each, by the
 * nearest frame from the leaf that belongs to a known part of the path (signature check, Bolt, JSON, JDBC
 * driver, pool, timeline, logging...); allocation samples by the same parts; and monitor waits by lock class.
 * Usage: {@code java -cp ... io.warroom.bench.JfrBreakdown recording.jfr [from to]}, with {@code from} and
 * {@code to} instants (as SaturationBench prints each target's window) to look at one target only.
 */
public final class JfrBreakdown {

    /** From the leaf up, the first frame matching one of these (class-name prefix) names its part. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("io.warroom.slack.internal.SlackRequestVerifier", "signature check (Warroom)");
        PARTS.put("com.slack.api.bolt.middleware.builtin.RequestVerification", "signature check (Bolt middleware)");
        PARTS.put("com.slack.api.app_backend.SlackSignature", "signature check (Bolt middleware)");
        PARTS.put("io.warroom.feishu.internal.FeishuRequestVerifier", "Feishu verify + decrypt");
        PARTS.put("io.warroom.feishu.internal.FeishuCrypto", "Feishu verify + decrypt");
        PARTS.put("io.warroom.timeline.", "timeline (hash chain)");
        PARTS.put("ch.qos.logback.", "logging");
        PARTS.put("org.slf4j.", "logging");
        PARTS.put("org.h2.", "database engine (H2) / driver");
        PARTS.put("org.postgresql.", "JDBC driver (PostgreSQL)");
        PARTS.put("com.zaxxer.hikari.", "connection pool");
        PARTS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        PARTS.put("com.google.gson.", "JSON (Gson, in Bolt)");
        PARTS.put("io.warroom.slack.internal.BlockKitRenderer", "rendering");
        PARTS.put("io.warroom.feishu.internal.FeishuCardRenderer", "rendering");
        PARTS.put("java.text.MessageFormat", "message texts");
        PARTS.put("org.springframework.context.support.", "message texts");
        PARTS.put("io.warroom.directory.", "directory");
        PARTS.put("com.slack.api.", "Bolt");
        PARTS.put("org.springframework.jdbc.", "Spring JDBC");
        PARTS.put("org.springframework.transaction.", "Spring transactions");
        PARTS.put("org.springframework.context.event.", "Spring events");
        PARTS.put("org.springframework.aop.", "Spring proxies");
        PARTS.put("io.micrometer.", "metrics");
        PARTS.put("io.warroom.", "Warroom (other)");
        PARTS.put("org.springframework.", "Spring (other)");
        PARTS.put("org.apache.", "Tomcat / HTTP");
        PARTS.put("sun.nio.", "socket I/O");
        PARTS.put("java.util.concurrent.", "thread hand-offs / queues");
    }

    private JfrBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Map<String, Long>> cpu = new LinkedHashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        Map<String, Long> database = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        Map<String, Long> monitors = new HashMap<>();
        Map<String, Long> monitorSites = new HashMap<>();
        Map<String, Long> parks = new HashMap<>();
        long samples = 0;
        Instant from = args.length > 2 ? Instant.parse(args[1]) : Instant.MIN;
        Instant to = args.length > 2 ? Instant.parse(args[2]) : Instant.MAX;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                continue;
            }
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    String group = group(e.getThread("sampledThread"));
                    cpu.computeIfAbsent(group, g -> new HashMap<>()).merge(part(stack), 1L, Long::sum);
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        leaves.merge(group + " :: " + name(stack.getFrames().get(0)), 1L, Long::sum);
                        if (inDatabase(stack)) {
                            database.merge(group + " :: " + (committing(stack) ? "commit, from " : "statement, from ")
                                    + firstOwn(stack), 1L, Long::sum);
                        }
                    }
                }
                case "jdk.ObjectAllocationSample" -> allocation.merge(group(e.getThread("eventThread")) + " / " + part(stack),
                        e.getLong("weight"), Long::sum);
                case "jdk.JavaMonitorEnter" -> {
                    long micros = e.getDuration().toNanos() / 1000;
                    monitors.merge(e.getClass("monitorClass").getName(), micros, Long::sum);
                    monitorSites.merge(e.getClass("monitorClass").getName() + " <- " + firstOwn(stack), micros, Long::sum);
                }
                case "jdk.ThreadPark" -> {
                    String blocker = e.getClass("parkedClass") == null ? "?" : e.getClass("parkedClass").getName();
                    parks.merge(group(e.getThread("eventThread")) + " :: " + blocker + " <- " + firstOwn(stack),
                            e.getDuration().toNanos() / 1000, Long::sum);
                }
                default -> {
                }
            }
        }
        System.out.printf(Locale.ROOT, "CPU samples: %d%n", samples);
        long all = samples;
        cpu.entrySet().stream().sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue()))).forEach(g -> {
            long t = total(g.getValue());
            System.out.printf(Locale.ROOT, "%n## %s: %.1f %% of all samples%n", g.getKey(), 100.0 * t / all);
            g.getValue().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(p -> p.getValue() * 200 >= t)
                    .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / t, p.getKey()));
        });
        System.out.printf(Locale.ROOT, "%n## database time (JDBC driver and embedded engine) by caller (%% of all samples)%n");
        top(database, 25).forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / all, p.getKey()));
        System.out.printf(Locale.ROOT, "%n## hottest leaf methods (%% of all samples)%n");
        top(leaves, 25).forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / all, p.getKey()));
        long allocated = allocation.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%n## allocation (sampled weight, %,d MB in all)%n", allocated >> 20);
        top(allocation, 20).forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / allocated, p.getKey()));
        System.out.printf(Locale.ROOT, "%n## parked (waiting for a lock, a pool, a queue), ms in all%n");
        top(parks, 20).forEach(p -> System.out.printf(Locale.ROOT, "  %,10.1f  %s%n", p.getValue() / 1000.0, p.getKey()));
        System.out.printf(Locale.ROOT, "%n## monitor waits over the threshold (ms in all)%n");
        top(monitors, 10).forEach(p -> System.out.printf(Locale.ROOT, "  %,10.1f  %s%n", p.getValue() / 1000.0, p.getKey()));
        top(monitorSites, 10).forEach(p -> System.out.printf(Locale.ROOT, "  %,10.1f  %s%n", p.getValue() / 1000.0, p.getKey()));
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> m, int n) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
    }

    private static long total(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String group(RecordedThread t) {
        String n = t == null || t.getJavaName() == null ? "?" : t.getJavaName();
        if (n.startsWith("load-")) {
            return "load generator";
        }
        if (n.startsWith("warroom-command-")) {
            return "command workers";
        }
        if (n.contains("outbox")) {
            return "outbox dispatcher";
        }
        if ((n.startsWith("http-nio-") && n.contains("exec")) || n.startsWith("tomcat-handler-")) {
            return "request threads";
        }
        if (n.startsWith("http-nio-")) {
            return "Tomcat acceptor/poller";
        }
        if (n.startsWith("fake-") || n.startsWith("HTTP-Dispatcher") || n.startsWith("pool-")) {
            return "fake platform APIs / other pools";
        }
        return "other: " + n.replaceAll("[0-9]+", "N");
    }

    private static String part(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        for (RecordedFrame f : stack.getFrames()) {
            String c = f.getMethod().getType().getName();
            for (var p : PARTS.entrySet()) {
                if (c.startsWith(p.getKey())) {
                    return p.getValue();
                }
            }
        }
        return "JDK / other";
    }

    private static boolean inDatabase(RecordedStackTrace stack) {
        return stack.getFrames().stream().anyMatch(f -> f.getMethod().getType().getName().startsWith("org.h2.")
                || f.getMethod().getType().getName().startsWith("org.postgresql."));
    }

    /** A commit: the pool's or driver's commit, or Spring ending a transaction. */
    private static boolean committing(RecordedStackTrace stack) {
        return stack.getFrames().stream().anyMatch(f -> f.getMethod().getName().equals("commit")
                && (f.getMethod().getType().getName().startsWith("org.h2.jdbc.")
                || f.getMethod().getType().getName().startsWith("org.postgresql.jdbc.")
                || f.getMethod().getType().getName().startsWith("com.zaxxer.hikari."))
                || f.getMethod().getType().getName().startsWith("org.h2.command.dml.TransactionCommand")
                || (f.getMethod().getName().equals("commit") && f.getMethod().getType().getName().equals("org.h2.engine.SessionLocal")));
    }

    private static String firstOwn(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        for (RecordedFrame f : stack.getFrames()) {
            if (f.getMethod().getType().getName().startsWith("io.warroom.")) {
                return name(f);
            }
        }
        return stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
