package io.warroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The same context as {@link H2Test}, on a real embedded PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"warroom.delivery.paused=true", "warroom.schedule.paused=true", "warroom.alerts.routing=classpath:test-alerts/routing.yaml",
        "warroom.alerts.token=" + io.warroom.support.AlertPayloads.TOKEN, "warroom.catalog.location=classpath:test-catalog/*.yaml",
        "warroom.delivery.limits.slack.per-channel.per-second=1", "warroom.delivery.limits.slack.per-channel.burst=3",
        "warroom.delivery.limits.slack.per-app.per-second=10000", "warroom.delivery.limits.slack.per-app.burst=10000",
        "warroom.delivery.limits.slack.per-method.update.per-second=10000", "warroom.delivery.limits.slack.per-method.update.burst=10000",
        "warroom.delivery.limits.slack.per-method.ephemeral.per-second=10000", "warroom.delivery.limits.slack.per-method.ephemeral.burst=10000",
        "warroom.delivery.limits.slack.per-method.open-form.per-second=10000", "warroom.delivery.limits.slack.per-method.open-form.burst=10000",
        "warroom.delivery.limits.slack.per-method.create-group.per-second=10000", "warroom.delivery.limits.slack.per-method.create-group.burst=10000",
        "warroom.delivery.limits.slack.per-method.invite.per-second=10000", "warroom.delivery.limits.slack.per-method.invite.burst=10000",
        "warroom.delivery.limits.slack.per-method.set-topic.per-second=10000", "warroom.delivery.limits.slack.per-method.set-topic.burst=10000",
        "warroom.delivery.limits.slack.per-method.pin.per-second=10000", "warroom.delivery.limits.slack.per-method.pin.burst=10000"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import({TestGateways.class, io.warroom.delivery.internal.DrainForTests.class})
public @interface PostgresTest {
}
