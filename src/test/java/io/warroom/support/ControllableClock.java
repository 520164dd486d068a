package io.warroom.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Import into a test context to replace the system clock with a {@link MutableClock}. Give that context its
 * own database too ({@code spring.datasource.url}): a moved clock writes rate-limit and task times that a
 * context on the real clock sharing the database would inherit (and wait for).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ControllableClock {

    @Bean
    MutableClock mutableClock() {
        return new MutableClock();
    }

    /** The type other beans ask for. */
    @Bean
    @Primary
    Clock primaryClock(MutableClock clock) {
        return clock;
    }
}
