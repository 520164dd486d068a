package io.warroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesUpToTheCeilingWithinTheUpperHalf() {
        Random random = new Random(7);
        long[] ceilings = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (int n = 0; n < ceilings.length; n++) {
            for (int i = 0; i < 200; i++) {
                long d = backoff.delay(n, random).toMillis();
                assertThat(d).isBetween(ceilings[n] / 2, ceilings[n]);
            }
        }
        assertThat(backoff.delay(10_000, random)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void replicasLosingTheConnectionTogetherDoNotReturnTogether() {
        Set<Long> delays = new HashSet<>();
        Random random = new Random(11);
        for (int replica = 0; replica < 20; replica++) {
            delays.add(backoff.delay(3, random).toMillis());
        }
        assertThat(delays).hasSizeGreaterThan(15);
    }

    @Test
    void nonsenseSettingsFallBackToSaneOnes() {
        Backoff odd = new Backoff(Duration.ZERO, Duration.ofMillis(1));
        assertThat(odd.initial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(odd.max()).isEqualTo(Duration.ofSeconds(1));
    }
}
