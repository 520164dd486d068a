package io.warroom.support;

import io.warroom.WarroomApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several Warroom application instances on one fresh embedded PostgreSQL database, for the tests of what
 * must happen once whatever the number of replicas. Each instance gets a random port and, unless told otherwise, the test catalog;
 * {@link #stopAll()} closes whatever is still running.
 */
public final class Replicas {

    /** The catalog the replica tests run on unless they name another. */
    public static final String TEST_CATALOG = "classpath:test-catalog/*.yaml";

    private final String url;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    public Replicas(String name) {
        this.url = EmbeddedPostgresInitializer.newDatabaseUrl(name + "_" + Long.toHexString(System.nanoTime()));
    }

    public String databaseUrl() {
        return url;
    }

    /**
     * Starts an instance with these extra configuration classes and {@code --key=value} settings; a setting
     * given here replaces the default of the same key (the database's, a random port, the test catalog).
     */
    public ConfigurableApplicationContext start(List<Class<?>> sources, String... settings) {
        Class<?>[] all = Stream.concat(Stream.of(WarroomApplication.class), sources.stream()).toArray(Class<?>[]::new);
        List<String> args = new ArrayList<>(List.of(settings));
        for (String d : List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--warroom.catalog.location=" + TEST_CATALOG)) {
            String key = d.substring(0, d.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(key))) {
                args.add(d);
            }
        }
        var ctx = new SpringApplicationBuilder(all).run(args.toArray(String[]::new));
        running.add(ctx);
        return ctx;
    }

    /** Stops one instance, as a replica going away (its claims are left to expire or to be taken over). */
    public void stop(ConfigurableApplicationContext ctx) {
        running.remove(ctx);
        ctx.close();
    }

    public void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }

    /** The port an instance listens on. */
    public static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }
}
