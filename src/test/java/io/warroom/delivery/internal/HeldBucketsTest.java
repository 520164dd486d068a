package io.warroom.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.delivery.Priority;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeldBucketsTest {

    private static final DeliveryProperties.Rate ONE_PER_SECOND = new DeliveryProperties.Rate(1, 1);
    private final Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final HeldBuckets holds = new HeldBuckets();

    @Test
    void aBucketNobodyFoundFullHoldsNothing() {
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now)).isNull();
    }

    @Test
    void rowsBehindAFullBucketQueueOneIntervalApartInTheirLane() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);

        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now)).isEqualTo(now.plusSeconds(2));
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now)).isEqualTo(now.plusSeconds(3));
        // Routine work has its own queue behind the free slot: it does not push replies further back.
        assertThat(holds.slotFor("slack:C1", Priority.ROUTINE.weight(), now)).isEqualTo(now.plusSeconds(2));
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now)).isEqualTo(now.plusSeconds(4));
        // Another bucket is another queue.
        assertThat(holds.slotFor("slack:C2", Priority.NORMAL.weight(), now)).isNull();
    }

    @Test
    void urgentRowsTakeTheNextFreeSlot() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        holds.slotFor("slack:C1", Priority.NORMAL.weight(), now);
        holds.slotFor("slack:C1", Priority.NORMAL.weight(), now);

        assertThat(holds.slotFor("slack:C1", Priority.URGENT.weight(), now)).isEqualTo(now.plusSeconds(1));
        assertThat(holds.slotFor("slack:C1", Priority.URGENT.weight(), now.plusSeconds(1))).isNull();
    }

    @Test
    void aQueueThatHasGoneByHoldsNothing() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        holds.slotFor("slack:C1", Priority.NORMAL.weight(), now);

        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now.plusSeconds(2))).isNull();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now.plusSeconds(2).minusMillis(1)))
                .as("forgotten once it had gone by").isNull();
    }

    @Test
    void aLaterRefusalMovesTheFreeSlotOnButNeverBack() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(30), Priority.NORMAL.weight(), now);
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);

        assertThat(holds.slotFor("slack:C1", Priority.URGENT.weight(), now)).isEqualTo(now.plusSeconds(30));
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now)).isEqualTo(now.plusSeconds(31));
    }

    @Test
    void aClockThatWentBackOrAFullDrainForgetsEverything() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now.minusSeconds(60))).isNull();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now)).isNull();

        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        holds.forget();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now)).isNull();
    }
}
