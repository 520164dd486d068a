package io.warroom.bench;

import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.feishu.internal.FeishuRequests;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.slack.internal.SignedSlack;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closed-loop saturation: N connections each send their next signed request as soon as the previous one was
 * answered, warm-up then a measured window, every target in one run and one JVM: bare Bolt (ack only), the
 * database's raw single-row insert rate (the physical limit of storing a command, measured on the fresh
 * database before Warroom's load), Warroom {@code /warroom help} (read), {@code /warroom note} (write), an
 * encrypted Feishu message event mentioning the bot, and bare Bolt again. For Warroom it reports what the database says was handled during the window, the
 * command-to-reply latency, and the backlog left when the load stopped and its drain. Not part of the build;
 * see docs/benchmarks.md ("Saturation").
 *
 * <p>System properties: {@code bench.db} (h2 = H2 file as installed, h2-mem, postgres), {@code bench.connections}
 * (32), {@code bench.warmup} (20 s), {@code bench.seconds} (20 s), {@code bench.targets}
 * (bolt,raw,help,note,feishu,bolt), {@code bench.drain} (at most 300 s of draining: the next target starts
 * only then), {@code bench.channels} (0: a new conversation per command, needed for the command-to-reply
 * latency; n: commands cycle through n).
 * Arguments after the class name go to Warroom (e.g. {@code --warroom.command.workers=8}).
 */
public final class SaturationBench {

    private static final String USER = "U0ZHANGSAN";
    private static final String FEISHU_USER = "ou_zhangsan0001";

    private record Row(String target, ClosedLoad.Result load, long handled, long[] toReply, long backlog,
                       double drainSeconds, long failedCommands, long heapMb, long rssMb) {
    }

    private final int connections = Integer.getInteger("bench.connections", 32);
    private final int warmup = Integer.getInteger("bench.warmup", 20);
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int drain = Integer.getInteger("bench.drain", 300);
    private final int channels = Integer.getInteger("bench.channels", 0);
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "h2");
        List<String> targets = Arrays.asList(System.getProperty("bench.targets", "bolt,raw,help,note,feishu,bolt").split(","));
        System.out.printf(Locale.ROOT, "# saturation: %s, Java %s (%s), %d cores, load average %s%n", db,
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        new SaturationBench().run(db, targets, List.of(args));
        System.exit(0);
    }

    private void run(String db, List<String> targets, List<String> warroomArgs) throws Exception {
        System.out.printf(Locale.ROOT, "# %d connections, %d s warm-up, %d s measured, %s%n", connections, warmup,
                seconds, channels == 0 ? "one conversation per command" : channels + " conversations");
        try (FakeSlackApi slack = new FakeSlackApi(Duration.ofSeconds(1))) {
            FakeFeishuOpenApi feishu = FakeFeishuOpenApi.standalone();
            Tomcat bolt = BenchApps.bareBolt(slack.baseUrl());
            List<String> args = new ArrayList<>(BenchApps.slack(slack.baseUrl(), "classpath:rosters/incident-roster.yaml"));
            args.addAll(List.of("--warroom.feishu.app-id=" + FakeFeishuOpenApi.APP_ID,
                    "--warroom.feishu.app-secret=" + FakeFeishuOpenApi.APP_SECRET,
                    "--warroom.feishu.verification-token=" + FeishuRequests.VERIFICATION_TOKEN,
                    "--warroom.feishu.encrypt-key=" + FeishuRequests.ENCRYPT_KEY,
                    "--warroom.feishu.base-url=" + feishu.baseUrl()));
            args.addAll(warroomArgs);
            ConfigurableApplicationContext warroom = BenchApps.warroom(BenchApps.databaseUrl(db), args);
            int port = BenchApps.port(warroom);
            JdbcClient jdbc = warroom.getBean(JdbcClient.class);
            InboxWatch inbox = new InboxWatch(jdbc);
            if (db.equals("postgres")) {
                // Durability settings decide what a commit costs; the embedded server's defaults are not production's.
                System.out.printf(Locale.ROOT, "# PostgreSQL %s, synchronous_commit=%s, fsync=%s%n",
                        jdbc.sql("show server_version").query(String.class).single(),
                        jdbc.sql("show synchronous_commit").query(String.class).single(),
                        jdbc.sql("show fsync").query(String.class).single());
            }
            List<Row> rows = new ArrayList<>();
            for (String target : targets) {
                Row row = switch (target.trim()) {
                    case "bolt" -> plain("bare Bolt (ack only)", ClosedLoad.http(bolt.getConnector().getLocalPort(),
                            connections, warmup, seconds, slash("bolt", "help"), SaturationBench::busy));
                    case "help" -> warroom("Warroom /warroom help (read)", "slack", inbox,
                            slash("help", "help"), port);
                    case "note" -> warroom("Warroom /warroom note (write)", "slack", inbox,
                            slash("note", "note saturation benchmark entry"), port);
                    case "feishu" -> warroom("Warroom Feishu encrypted event (help)", "feishu", inbox, feishuHelp(), port);
                    case "raw" -> plain("raw single-row inserts (autocommit)", rawInserts(jdbc, db));
                    default -> throw new IllegalArgumentException("unknown target " + target);
                };
                rows.add(row);
                System.out.println(line(row, rows));
                System.out.printf(Locale.ROOT, "#   load average %s%n", loadAverage());
            }
            System.out.println();
            System.out.println(HEADER);
            System.out.println(HEADER.replaceAll("[^|]+", "---"));
            rows.forEach(r -> System.out.println(line(r, rows)));
            warroom.close();
            BenchApps.stop(bolt);
        }
    }

    private static final String HEADER = "| target | acked/s | ×bare Bolt | ack p50 ms | ack p99 ms | busy | failed "
            + "| handled/s | reply p50 ms | reply p99 ms | backlog at stop | drain s | heap MB | RSS MB |";

    private Row plain(String name, ClosedLoad.Result load) {
        return new Row(name, load, -1, null, -1, -1, 0, heapMb(), rssMb());
    }

    private Row warroom(String name, String platform, InboxWatch inbox, ClosedLoad.Requests requests, int port)
            throws Exception {
        long failedBefore = inbox.failed();
        Instant[] window = new Instant[2];
        long[] done = new long[2];
        long[][] counters = new long[2][];
        clock.schedule(() -> {
            window[0] = Instant.now();
            done[0] = inbox.done();
            counters[0] = inbox.databaseCounters();
        }, warmup * 1000L, TimeUnit.MILLISECONDS);
        var end = clock.schedule(() -> {
            window[1] = Instant.now();
            done[1] = inbox.done();
            counters[1] = inbox.databaseCounters();
        }, (warmup + seconds) * 1000L, TimeUnit.MILLISECONDS);
        ClosedLoad.Result load = ClosedLoad.http(port, connections, warmup, seconds,
                requests, SaturationBench::busy);
        end.get(); // both samples taken
        long backlog = inbox.waiting();
        long heap = heapMb();
        long rss = rssMb();
        double drained = inbox.drain(drain);
        long[] toReply = channels == 0 ? inbox.commandToReply(platform, window[0], window[1]) : null;
        System.out.printf(Locale.ROOT, "#   %s: measured window %s %s%n", name, window[0], window[1]);
        if (counters[0].length > 0) {
            // The acks', the workers' and the dispatcher's work together, per second of the window.
            double s = Duration.between(window[0], window[1]).toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "#   database per second: %.0f commits, %.0f rows inserted, %.0f updated, %.0f fetched%n",
                    (counters[1][0] - counters[0][0]) / s, (counters[1][1] - counters[0][1]) / s,
                    (counters[1][2] - counters[0][2]) / s, (counters[1][3] - counters[0][3]) / s);
        }
        double windowSeconds = Duration.between(window[0], window[1]).toNanos() / 1e9;
        return new Row(name, load, Math.round((done[1] - done[0]) / windowSeconds), toReply, backlog, drained,
                inbox.failed() - failedBefore, heap, rss);
    }

    private static boolean busy(String body) {
        return body.toLowerCase(Locale.ROOT).contains("busy");
    }

    private String channel(String prefix, int connection, long sequence) {
        long n = channels == 0 ? sequence : sequence % Math.max(1, channels / connections);
        return prefix + connection + "x" + n;
    }

    private ClosedLoad.Requests slash(String target, String text) {
        return (connection, sequence) -> {
            String body = SignedSlack.slashCommandBody(USER, "zhang",
                    channel("C" + target.toUpperCase(Locale.ROOT), connection, sequence), text,
                    target + "." + connection + "." + sequence + "." + UUID.randomUUID());
            Map<String, String> headers = new LinkedHashMap<>(SignedSlack.signature(body, Instant.now().getEpochSecond()));
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            return new ClosedLoad.Request("/slack/events", headers, body.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A group message mentioning the bot, encrypted with the Encrypt Key and signed as Feishu does. */
    private ClosedLoad.Requests feishuHelp() {
        return (connection, sequence) -> {
            String json = FeishuRequests.message(FeishuRequests.newEventId(), channel("oc_bench_", connection, sequence),
                    "group", FEISHU_USER, "help", true).toString();
            String body = FeishuRequests.encryptedBody(json, FeishuRequests.ENCRYPT_KEY);
            String ts = Long.toString(Instant.now().getEpochSecond());
            String nonce = UUID.randomUUID().toString();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=utf-8");
            headers.put("X-Lark-Request-Timestamp", ts);
            headers.put("X-Lark-Request-Nonce", nonce);
            headers.put("X-Lark-Signature", FeishuRequests.sign(ts, nonce, FeishuRequests.ENCRYPT_KEY, body));
            return new ClosedLoad.Request("/feishu/events", headers, body.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** What storing a command costs at least: one row like a command_inbox row, one transaction, same pool. */
    private ClosedLoad.Result rawInserts(JdbcClient jdbc, String db) throws InterruptedException {
        jdbc.sql("""
                create table bench_raw_inbox (id bigint generated by default as identity primary key,
                    platform varchar(16) not null, channel varchar(200) not null, user_id varchar(200) not null,
                    text varchar(4000) not null, trigger_ref varchar(300), state varchar(12) not null,
                    created_at timestamp with time zone not null)""").update();
        if (!db.equals("postgres")) {
            jdbc.sql("alter table bench_raw_inbox alter column id set cache 10000").update(); // as Warroom's tables
        }
        return ClosedLoad.run(connections, warmup, seconds, connection -> new ClosedLoad.Caller() {
            @Override
            public ClosedLoad.Call prepare(long sequence) {
                return () -> {
                    jdbc.sql("""
                            insert into bench_raw_inbox (platform, channel, user_id, text, trigger_ref, state, created_at)
                            values (?, ?, ?, ?, ?, 'PENDING', ?)""")
                            .params("slack", "CRAW" + connection, USER, "help", connection + "." + sequence,
                                    OffsetDateTime.now()).update();
                    return "";
                };
            }

            @Override
            public void close() {
            }
        }, body -> false);
    }

    private static String line(Row r, List<Row> all) {
        double bolt = all.stream().filter(x -> x.target().startsWith("bare Bolt"))
                .mapToDouble(x -> x.load().rate()).average().orElse(Double.NaN);
        ClosedLoad.Result l = r.load();
        return String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.1f | %.1f | %d | %d | %s | %s | %s | %s | %s | %d | %d |",
                r.target(), l.rate(), l.rate() / bolt, ms(BenchApps.percentile(l.latencies(), 50)),
                ms(BenchApps.percentile(l.latencies(), 99)), l.marked(), l.failed() + Math.max(0, r.failedCommands()),
                r.handled() < 0 ? "–" : String.format(Locale.ROOT, "%,d", r.handled()),
                r.toReply() == null ? "–" : String.format(Locale.ROOT, "%.1f", ms(BenchApps.percentile(r.toReply(), 50))),
                r.toReply() == null ? "–" : String.format(Locale.ROOT, "%.1f", ms(BenchApps.percentile(r.toReply(), 99))),
                r.backlog() < 0 ? "–" : String.format(Locale.ROOT, "%,d", r.backlog()),
                r.backlog() < 0 ? "–" : r.drainSeconds() < 0 ? "not drained" : String.format(Locale.ROOT, "%.1f", r.drainSeconds()),
                r.heapMb(), r.rssMb());
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static long heapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** Resident set of this JVM (generator, bare Bolt, Warroom and fakes together), from /proc. */
    private static long rssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(s -> s.startsWith("VmRSS:"))
                    .map(s -> Long.parseLong(s.replaceAll("\\D", "")) >> 10).findFirst().orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (Exception e) {
            return "?";
        }
    }
}
