package io.warroom.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a real PostgreSQL: embedded binaries started once per JVM. If they cannot
 * start, the test fails: PostgreSQL is the production database and must never be skipped silently.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory goes with it
                }
            }));
        }
        return postgres;
    }

    /** A fresh database per context, so contexts never see each other's rows. */
    public static String newDatabaseUrl(String name) {
        var pg = postgres();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String db = "warroom_" + Long.toHexString(System.nanoTime());
        TestPropertyValues.of(
                "spring.datasource.url=" + newDatabaseUrl(db),
                "spring.datasource.username=postgres",
                "spring.datasource.password=").applyTo(context);
    }
}
