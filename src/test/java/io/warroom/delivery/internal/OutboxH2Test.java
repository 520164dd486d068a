package io.warroom.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.support.H2Test;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

@H2Test
class OutboxH2Test extends OutboxContract {

    /** The dispatcher runs this on every enqueue: a table scan there read every sent row of the week each time. */
    @Test
    void theReadyQueryReadsTheReadyIndexNotTheTable() {
        String plan = String.join("\n", jdbc.sql("explain " + OutboxRepository.READY).param("platform", "slack")
                .param("now", OffsetDateTime.now()).param("limit", 100).query(String.class).list());

        assertThat(plan).contains("outbox_ready").doesNotContainIgnoringCase("tableScan");
    }
}
