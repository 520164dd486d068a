package io.warroom.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a test context to replace the system clock with a {@link MutableClock} (its own context). */
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
