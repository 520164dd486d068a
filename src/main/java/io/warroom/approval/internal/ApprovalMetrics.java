package io.warroom.approval.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Approvals that are EXECUTING: how many, and how long the oldest has been. A request stays EXECUTING for
 * good when the replica running it died (docs/operations.md), and only a person can settle it, so the
 * operators' alert watches the age. Read from the database when scraped: the same figure on every replica.
 */
@Component
class ApprovalMetrics {

    private final JdbcClient jdbc;
    private final Clock clock;

    ApprovalMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("warroom.approval.executing", this, ApprovalMetrics::executing)
                .description("Approved actions started and not finished (EXECUTING)").register(registry);
        Gauge.builder("warroom.approval.executing.oldest", this, ApprovalMetrics::oldestSeconds).baseUnit("seconds")
                .description("How long the oldest EXECUTING approval has been running; 0 when there is none")
                .register(registry);
    }

    double executing() {
        return jdbc.sql("select count(*) from approval_request where state = 'EXECUTING'").query(Long.class).single();
    }

    double oldestSeconds() {
        return jdbc.sql("select min(decided_at) from approval_request where state = 'EXECUTING'")
                .query(OffsetDateTime.class).optional()
                .map(t -> (double) Math.max(0, Duration.between(t.toInstant(), clock.instant()).toSeconds()))
                .orElse(0.0);
    }
}
