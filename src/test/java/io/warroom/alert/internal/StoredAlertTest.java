package io.warroom.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which reported states move an alert forward, whatever order they arrive in. */
class StoredAlertTest {

    private static final Instant T = Instant.parse("2026-11-30T18:29:39.838322987Z");

    private static StoredAlert stored(Notification.Status status, Instant startsAt) {
        return new StoredAlert(1, "ab", status, Map.of(), Map.of(), startsAt, null, null);
    }

    private static Notification.AlertState reported(Notification.Status status, Instant startsAt) {
        return new Notification.AlertState("ab", status, Map.of("a", "b"), Map.of(), startsAt,
                status == Notification.Status.RESOLVED ? startsAt.plusSeconds(60) : null, null);
    }

    @Test
    void resolvedAfterFiringOfTheSameOccurrenceAppliesEvenWhenTheDatabaseRoundedTheStart() {
        // The database kept microseconds and rounded .838322987 up to .838323.
        var firing = stored(Notification.Status.FIRING, Instant.parse("2026-11-30T18:29:39.838323Z"));
        assertThat(StoredAlert.advances(firing, reported(Notification.Status.RESOLVED, T))).isTrue();
    }

    @Test
    void lateOrRepeatedStatesDoNotApply() {
        var resolved = stored(Notification.Status.RESOLVED, T);
        assertThat(StoredAlert.advances(resolved, reported(Notification.Status.FIRING, T))).as("firing after resolved").isFalse();
        assertThat(StoredAlert.advances(resolved, reported(Notification.Status.RESOLVED, T))).isFalse();
        assertThat(StoredAlert.advances(resolved, reported(Notification.Status.FIRING, T.minusSeconds(300)))).as("older").isFalse();
        assertThat(StoredAlert.advances(resolved, reported(Notification.Status.FIRING, T.plusSeconds(300)))).as("newer occurrence").isTrue();
        assertThat(StoredAlert.advances(null, reported(Notification.Status.RESOLVED, T))).as("first sight").isTrue();
    }
}
