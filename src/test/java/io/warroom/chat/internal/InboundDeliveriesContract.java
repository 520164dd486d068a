package io.warroom.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.InboundDeliveries;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

abstract class InboundDeliveriesContract {

    @Autowired InboundDeliveries deliveries;

    @Test
    void aRetriedDeliveryIsSeenOnce() {
        String id = "Ev" + UUID.randomUUID();
        assertThat(deliveries.firstTime("slack", id)).isTrue();
        assertThat(deliveries.firstTime("slack", id)).isFalse();
        assertThat(deliveries.firstTime("feishu", id)).as("sources are separate").isTrue();
    }

    @Test
    void concurrentDeliveriesOfOneEventHaveOneWinner() throws Exception {
        String id = "Ev" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = IntStream.range(0, 16).<Callable<Boolean>>mapToObj(i -> () -> deliveries.firstTime("slack", id)).toList();
            long winners = 0;
            for (var f : pool.invokeAll(tasks)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
