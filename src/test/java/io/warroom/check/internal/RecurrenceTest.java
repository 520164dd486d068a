package io.warroom.check.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void threeTimesADayInTheRostersZone() {
        var daily = Recurrence.cron("0 9,14,20 * * *", SHANGHAI);
        assertThat(daily.next(at("2026-11-30T08:59"))).isEqualTo(at("2026-11-30T09:00"));
        assertThat(daily.next(at("2026-11-30T09:00"))).isEqualTo(at("2026-11-30T14:00"));
        assertThat(daily.next(at("2026-11-30T20:30"))).isEqualTo(at("2026-12-01T09:00"));
        assertThat(daily.isSlot(at("2026-11-30T14:00"))).isTrue();
        assertThat(daily.isSlot(at("2026-11-30T15:00"))).isFalse();
        assertThat(daily.latestAtOrBefore(at("2026-12-01T08:00"))).isEqualTo(at("2026-11-30T20:00"));
        assertThat(daily.latestAtOrBefore(at("2026-12-01T09:00"))).isEqualTo(at("2026-12-01T09:00"));
    }

    @Test
    void weeklyMonthlyLastDayAndEveryNinetyDays() {
        assertThat(Recurrence.cron("0 10 * * MON", SHANGHAI).next(at("2026-11-30T10:00"))).isEqualTo(at("2026-12-07T10:00"));
        assertThat(Recurrence.cron("0 10 L * *", SHANGHAI).next(at("2026-02-01T00:00"))).isEqualTo(at("2026-02-28T10:00"));
        assertThat(Recurrence.cron("0 10 15 * *", SHANGHAI).latestAtOrBefore(at("2026-03-01T00:00"))).isEqualTo(at("2026-02-15T10:00"));
        var rotation = Recurrence.every(Duration.ofDays(90), LocalDateTime.parse("2026-01-05T10:00"), SHANGHAI);
        assertThat(rotation.next(at("2026-01-01T00:00"))).isEqualTo(at("2026-01-05T10:00"));
        assertThat(rotation.next(at("2026-01-05T10:00"))).isEqualTo(at("2026-04-05T10:00"));
        assertThat(rotation.isSlot(at("2026-04-05T10:00"))).isTrue();
        assertThat(rotation.latestAtOrBefore(at("2026-06-01T00:00"))).isEqualTo(at("2026-04-05T10:00"));
    }

    @Test
    void aWrongScheduleSaysWhatItExpects() {
        assertThatThrownBy(() -> Recurrence.cron("every morning", SHANGHAI))
                .hasMessageContaining("schedule 'every morning' is not a cron expression (minute hour day month weekday");
        assertThatThrownBy(() -> Recurrence.every(Duration.ofSeconds(5), LocalDateTime.now(), SHANGHAI))
                .hasMessageContaining("at least a minute");
    }
}
