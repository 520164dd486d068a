package io.warroom.schedule.internal;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often due tasks are looked for, how long a claim lasts before another replica may take the task
 * over, how often a failing task is retried. {@code paused} keeps the runner from starting (tests run
 * due tasks by hand).
 */
@Validated
@ConfigurationProperties("warroom.schedule")
public record ScheduleProperties(Duration pollInterval, Duration lease, @Min(1) int maxAttempts, Duration retryAfter,
                                 Duration keepFinished, boolean paused) {

    public ScheduleProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        maxAttempts = maxAttempts == 0 ? 5 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        keepFinished = keepFinished == null ? Duration.ofDays(30) : keepFinished;
    }
}
