package io.warroom.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import io.warroom.WarroomApplication;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.slack.internal.SignedSlack;
import io.warroom.support.EmbeddedPostgresInitializer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmarks start: Warroom in this JVM on a chosen database, and the bare Bolt app to compare with. */
final class BenchApps {

    private BenchApps() {
    }

    /**
     * A fresh database: {@code h2} or {@code h2-file} a file database as the default installation uses (every
     * commit on disk), {@code h2-mem} in memory, {@code postgres} a new database on embedded PostgreSQL.
     */
    static String databaseUrl(String db) throws Exception {
        String h2 = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return switch (db) {
            case "postgres" -> EmbeddedPostgresInitializer.newDatabaseUrl("bench_" + Long.toHexString(System.nanoTime()));
            case "h2-mem" -> "jdbc:h2:mem:bench-" + Long.toHexString(System.nanoTime()) + h2 + ";DB_CLOSE_DELAY=-1";
            case "h2", "h2-file" -> "jdbc:h2:file:" + Files.createTempDirectory("warroom-bench-") + "/warroom" + h2
                    + ";WRITE_DELAY=0";
            default -> throw new IllegalArgumentException("bench.db: h2, h2-file, h2-mem or postgres, not " + db);
        };
    }

    /** Command-line arguments (default properties would lose to application.yaml's ${...:} placeholders). */
    static ConfigurableApplicationContext warroom(String databaseUrl, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                "--logging.level.root=WARN", "--logging.level.io.warroom.ops=INFO"));
        if (databaseUrl.contains("postgresql")) {
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=");
        }
        args.addAll(extra);
        return new SpringApplicationBuilder(WarroomApplication.class).run(args.toArray(String[]::new));
    }

    /** Settings that connect Warroom's Slack side to the fake Slack Web API, signed with the tests' secret. */
    static List<String> slack(String api, String roster) {
        return List.of("--warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
                "--warroom.slack.signing-secret=" + SignedSlack.SECRET,
                "--warroom.slack.api-base-url=" + api,
                "--warroom.directory.roster=" + roster);
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The same Bolt version and servlet, default middleware, a handler that only acks. */
    static Tomcat bareBolt(String api) throws Exception {
        return bareBolt(api, SignedSlack.SECRET, 0);
    }

    static Tomcat bareBolt(String api, String signingSecret, int port) throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api);
        config.setStatsEnabled(false);
        App app = new App(AppConfig.builder().singleTeamBotToken(FakeSlackApi.TOKEN).signingSecret(signingSecret)
                .slack(Slack.getInstance(config)).build());
        app.command("/warroom", (req, ctx) -> ctx.ack());
        // As Spring Boot does by default: no JMX MBean per connection. Left on here, it would also stay on for
        // Warroom's Tomcat in the same JVM (the registry cannot be disabled once used) and slow its new connections.
        Registry.disableRegistry();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("bare-bolt").toString());
        tomcat.setPort(port);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "slack", new SlackAppServlet(app));
        context.addServletMappingDecoded("/slack/events", "slack");
        tomcat.start();
        return tomcat;
    }

    static void stop(Tomcat tomcat) throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    /** The value at percentile {@code p} of sorted values (nearest rank); 0 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }
}
