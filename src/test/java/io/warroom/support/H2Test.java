package io.warroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A full application context on in-memory H2 (PostgreSQL mode), dispatcher paused, fake Slack gateway. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:warroom-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "warroom.delivery.paused=true", "warroom.schedule.paused=true", "warroom.alerts.routing=classpath:test-alerts/routing.yaml",
        "warroom.alerts.token=" + io.warroom.support.AlertPayloads.TOKEN, "warroom.catalog.location=classpath:test-catalog/*.yaml",
        // Tests share one context: only the per-channel limit is under test, the app-wide and per-method ones must not interfere.
        "warroom.delivery.limits.slack.per-channel.per-second=1", "warroom.delivery.limits.slack.per-channel.burst=3",
        "warroom.delivery.limits.slack.per-app.per-second=10000", "warroom.delivery.limits.slack.per-app.burst=10000",
        "warroom.delivery.limits.slack.per-method.update.per-second=10000", "warroom.delivery.limits.slack.per-method.update.burst=10000",
        "warroom.delivery.limits.slack.per-method.ephemeral.per-second=10000", "warroom.delivery.limits.slack.per-method.ephemeral.burst=10000",
        "warroom.delivery.limits.slack.per-method.open-form.per-second=10000", "warroom.delivery.limits.slack.per-method.open-form.burst=10000",
        "warroom.delivery.limits.slack.per-method.create-group.per-second=10000", "warroom.delivery.limits.slack.per-method.create-group.burst=10000",
        "warroom.delivery.limits.slack.per-method.invite.per-second=10000", "warroom.delivery.limits.slack.per-method.invite.burst=10000",
        "warroom.delivery.limits.slack.per-method.set-topic.per-second=10000", "warroom.delivery.limits.slack.per-method.set-topic.burst=10000",
        "warroom.delivery.limits.slack.per-method.pin.per-second=10000", "warroom.delivery.limits.slack.per-method.pin.burst=10000"})
@Import({TestGateways.class, io.warroom.delivery.internal.DrainForTests.class})
public @interface H2Test {
}
