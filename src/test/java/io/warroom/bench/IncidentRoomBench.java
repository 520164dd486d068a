package io.warroom.bench;

import io.warroom.WarroomApplication;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.support.AlertPayloads;
import io.warroom.support.FakePlatforms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Declare → war room ready (created, members invited, card posted and pinned) on Slack and on Feishu, with
 * both fake platforms adding a fixed latency to every API call. Prints, per run, the time until each room was
 * ready and how many calls each platform had received by then (the dispatcher sends one platform's calls one
 * after another, so that is also the number of calls in sequence; Feishu's token fetch is not counted, the
 * warm-up runs fetch it). Not part of the build; see
 * docs/benchmarks.md.
 *
 * <p>System properties: {@code bench.runs} (default 10), {@code bench.latency} in ms (default 100),
 * {@code bench.storm=true} to run the same declarations a second time during an alert storm (a new group of
 * {@code bench.storm.alerts} warning alerts, default 30, every 100 ms, over ten routes each on a Slack channel and
 * a Feishu group), after the runs without it: the two medians of one run are the comparison.
 */
public final class IncidentRoomBench {

    private static final Set<String> SLACK_MEMBERS = Set.of("U0ZHANGSAN", "U0LISI", "U0ZHAOLIU", "U0SUNBA");
    private static final Set<String> FEISHU_MEMBERS = Set.of("ou_zhangsan0001", "ou_lisi00000002", "ou_zhaoliu00004");

    private IncidentRoomBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 10);
        Duration latency = Duration.ofMillis(Long.getLong("bench.latency", 100));
        var slack = new FakeSlackApi(Duration.ZERO);
        var feishu = FakeFeishuOpenApi.fresh();
        for (int r = 0; r < 10; r++) {
            feishu.addGroup(String.format("oc_bench%04d", r));
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WarroomApplication.class).run(
                FakePlatforms.arguments(slack, feishu,
                        "--spring.datasource.url=jdbc:h2:mem:bench-rooms;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--logging.level.root=WARN", "--warroom.alerts.token=" + AlertPayloads.TOKEN,
                        "--warroom.alerts.routing=classpath:bench-alerts/storm-routing.yaml"));
        try {
            Commands commands = app.getBean(Commands.class);
            JdbcClient db = app.getBean(JdbcClient.class);
            // Warm-up: the first run also fetches Feishu's tenant token and loads classes; it is not counted.
            for (int n = 0; n < 3; n++) {
                declareAndWait(commands, db, slack, feishu, "warm up " + n, Duration.ZERO);
            }
            slack.latency(latency);
            feishu.latency(latency);
            System.out.printf(Locale.ROOT, "latency per call: %d ms%n", latency.toMillis());
            List<long[]> quiet = runs(commands, db, slack, feishu, runs, latency, "backend down");
            if (Boolean.getBoolean("bench.storm")) {
                var storm = new AlertStorm(app.getEnvironment().getProperty("local.server.port"),
                        Integer.getInteger("bench.storm.alerts", 30));
                storm.start();
                try {
                    Thread.sleep(5_000);
                    System.out.println("during the alert storm:");
                    List<long[]> stormy = runs(commands, db, slack, feishu, runs, latency, "orders down");
                    System.out.printf(Locale.ROOT, "storm: %d alerts sent in %d notifications (%d refused), 429 answers: slack %d, feishu %d%n",
                            storm.alerts(), storm.notifications(), storm.refused(), slack.throttledTotal(), feishu.answered429());
                    System.out.printf(Locale.ROOT, "both ready, median: quiet %d ms, storm %d ms, ratio %.2f%n",
                            bothReady(quiet), bothReady(stormy), (double) bothReady(stormy) / bothReady(quiet));
                } finally {
                    storm.stop();
                }
            }
        } finally {
            app.close();
            slack.close();
        }
        // The fakes' HTTP servers keep non-daemon threads.
        System.exit(0);
    }

    private static List<long[]> runs(Commands commands, JdbcClient db, FakeSlackApi slack, FakeFeishuOpenApi feishu,
                                     int runs, Duration latency, String title) throws InterruptedException {
        List<long[]> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-4s %11s %10s %12s %10s %12s %10s%n", "run", "declare ms", "slack ms",
                "slack calls", "feishu ms", "feishu calls", "total ms");
        for (int run = 1; run <= runs; run++) {
            // Slack allows about 20 channel creations and pins a minute (Tier 2) and Warroom keeps to 0.3/s per
            // method: incidents declared more than three in ten seconds wait for that tier, which is not what is
            // measured here, so the runs are 3.5 s apart.
            Thread.sleep(3_500);
            long[] r = declareAndWait(commands, db, slack, feishu, title + " " + run, latency);
            results.add(r);
            System.out.printf(Locale.ROOT, "%-4d %11d %10d %12d %10d %12d %10d%n", run, r[4], r[0], r[1], r[2],
                    r[3], Math.max(r[0], r[2]));
        }
        System.out.printf(Locale.ROOT, "median: slack %d ms (%d calls), feishu %d ms (%d calls), total %d ms%n",
                median(results, 0), median(results, 1), median(results, 2), median(results, 3), bothReady(results));
        return results;
    }

    private static long bothReady(List<long[]> results) {
        return median(results.stream().map(r -> new long[] {Math.max(r[0], r[2])}).toList(), 0);
    }

    /** @return slack ms, slack calls, feishu ms, feishu calls (calls made from the declaration until ready) */
    private static long[] declareAndWait(Commands commands, JdbcClient db, FakeSlackApi slack, FakeFeishuOpenApi feishu,
                                         String title, Duration latency) throws InterruptedException {
        // The previous incident's tail (topics, checklists, card updates) must not be counted in this one; the
        // storm's channels (CBENCH0..9, oc_bench000x) never empty, so they are not waited for.
        while (db.sql("""
                        select count(*) from outbox where state in ('PENDING', 'SENDING')
                        and channel not like 'CBENCH_' and channel not like 'oc_bench%'""").query(Long.class).single() > 0
                || db.sql("select count(*) from scheduled_task where state = 'PENDING' and kind = 'incident.room-opened'")
                .query(Long.class).single() > 0) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        int slackBefore = slack.timings().size();
        int feishuBefore = feishu.timings().size();
        long start = System.nanoTime();
        commands.handle(new InboundCommand(Conversation.of(Platform.SLACK, "CBENCH0001"),
                new Actor(Platform.SLACK, "U0ZHANGSAN", "zhang"), "incident declare P0 " + title));
        long declared = System.nanoTime();
        String id = db.sql("select id from incident where title = ?").param(title).query(String.class).single();
        long slackReady = -1;
        long feishuReady = -1;
        while (slackReady < 0 || feishuReady < 0) {
            long now = System.nanoTime();
            if (slackReady < 0 && slackReady(slack, id)) {
                slackReady = now;
            }
            if (feishuReady < 0 && feishuReady(feishu, id)) {
                feishuReady = now;
            }
            if (now - start > Duration.ofSeconds(60).toNanos()) {
                throw new IllegalStateException("rooms of " + id + " not ready in 60 s");
            }
            Thread.sleep(2);
        }
        long sReady = slackReady;
        long fReady = feishuReady;
        if (Boolean.getBoolean("bench.verbose")) {
            slack.timings().subList(slackBefore, slack.timings().size()).forEach(t -> System.out.printf(Locale.ROOT,
                    "  slack  %-24s %6d → %6d ms%n", t.method(), (t.startNanos() - start) / 1_000_000, (t.endNanos() - start) / 1_000_000));
            feishu.timings().subList(feishuBefore, feishu.timings().size()).forEach(t -> System.out.printf(Locale.ROOT,
                    "  feishu %-50s %6d → %6d ms%n", t.api(), (t.startNanos() - start) / 1_000_000, (t.endNanos() - start) / 1_000_000));
        }
        long slackCalls = slack.timings().subList(slackBefore, slack.timings().size()).stream()
                .filter(t -> t.startNanos() <= sReady).count();
        long feishuCalls = feishu.timings().subList(feishuBefore, feishu.timings().size()).stream()
                .filter(t -> t.startNanos() <= fReady && !t.api().contains("tenant_access_token")).count();
        return new long[] {(sReady - start) / 1_000_000, slackCalls, (fReady - start) / 1_000_000, feishuCalls,
                (declared - start) / 1_000_000};
    }

    private static boolean slackReady(FakeSlackApi slack, String id) {
        return slack.channels().stream().filter(c -> c.name().startsWith(id.toLowerCase(Locale.ROOT)))
                .anyMatch(c -> c.members().containsAll(SLACK_MEMBERS) && slack.posted(c.id()).stream()
                        .anyMatch(p -> p.text() != null && p.text().contains(id) && slack.pinned(c.id(), p.ts())));
    }

    private static boolean feishuReady(FakeFeishuOpenApi feishu, String id) {
        return feishu.chats().stream().filter(c -> c.name().contains(id))
                .anyMatch(c -> c.members().containsAll(FEISHU_MEMBERS) && feishu.messagesTo(c.id()).stream()
                        .anyMatch(m -> m.cardText().contains(id) && feishu.pinned(m.id())));
    }

    private static long median(List<long[]> rows, int column) {
        long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
