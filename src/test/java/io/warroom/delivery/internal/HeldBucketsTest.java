package io.warroom.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.delivery.Priority;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeldBucketsTest {

    private static final DeliveryProperties.Rate ONE_PER_SECOND = new DeliveryProperties.Rate(1, 1);
    private final Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final HeldBuckets holds = new HeldBuckets();
    /** When the rows asking below came due: before the bucket was found full. */
    private final Instant queued = now.minusMillis(10);

    @Test
    void aBucketNobodyFoundFullHoldsNothing() {
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now)).isNull();
    }

    @Test
    void rowsBehindAFullBucketQueueOneIntervalApartInTheirLane() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);

        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now)).isEqualTo(now.plusSeconds(2));
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now)).isEqualTo(now.plusSeconds(3));
        // Routine work has its own queue behind the free slot: it does not push replies further back.
        assertThat(holds.slotFor("slack:C1", Priority.ROUTINE.weight(), queued, now)).isEqualTo(now.plusSeconds(2));
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now)).isEqualTo(now.plusSeconds(4));
        // Another bucket is another queue.
        assertThat(holds.slotFor("slack:C2", Priority.NORMAL.weight(), queued, now)).isNull();
    }

    @Test
    void urgentRowsTakeTheNextFreeSlot() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now);
        holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now);

        assertThat(holds.slotFor("slack:C1", Priority.URGENT.weight(), queued, now)).isEqualTo(now.plusSeconds(1));
        assertThat(holds.slotFor("slack:C1", Priority.URGENT.weight(), queued, now.plusSeconds(1))).isNull();
    }

    @Test
    void aQueueThatHasGoneByHoldsNothing() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now);

        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now.plusSeconds(2))).isNull();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now.plusSeconds(2).minusMillis(1)))
                .as("forgotten once it had gone by").isNull();
    }

    @Test
    void aRowWhoseTurnHasComeAsksTheDatabaseInsteadOfQueueingAgain() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        Instant promised = holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now);
        holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now);

        // Due at its promised slot, while later slots are promised to others: it must not be sent behind them.
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), promised, promised)).isNull();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now.plusSeconds(1), now.plusSeconds(1)))
                .as("the row the limiter put back to the free time").isNull();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), now.plusSeconds(1).minusNanos(999), now.plusSeconds(1)))
                .as("the same, its time read back from the database without its nanoseconds").isNull();
    }

    @Test
    void aLaterRefusalMovesTheFreeSlotOnButNeverBack() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(30), Priority.NORMAL.weight(), now);
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);

        assertThat(holds.slotFor("slack:C1", Priority.URGENT.weight(), queued, now)).isEqualTo(now.plusSeconds(30));
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now)).isEqualTo(now.plusSeconds(31));
    }

    @Test
    void aClockThatWentBackOrAFullDrainForgetsEverything() {
        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now.minusSeconds(60))).isNull();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now)).isNull();

        holds.full("slack:C1", ONE_PER_SECOND, now.plusSeconds(1), Priority.NORMAL.weight(), now);
        holds.forget();
        assertThat(holds.slotFor("slack:C1", Priority.NORMAL.weight(), queued, now)).isNull();
    }
}
