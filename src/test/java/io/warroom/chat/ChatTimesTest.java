package io.warroom.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.support.Bundles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChatTimesTest {

    private final ChatTimes shanghai = new ChatTimes("Asia/Shanghai", Bundles.texts());

    @Test
    void timesCarryTheDateAndAnUnambiguousOffset() {
        assertThat(shanghai.format(Instant.parse("2026-11-30T15:26:10Z"))).isEqualTo("2026-11-30 23:26 (UTC+8)");
        assertThat(new ChatTimes("America/Sao_Paulo", Bundles.texts()).format(Instant.parse("2026-11-30T15:26:10Z")))
                .isEqualTo("2026-11-30 12:26 (UTC-3)");
        assertThat(ChatTimes.utcOffset(ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("UTC+5:30");
        assertThat(ChatTimes.utcOffset(ZoneOffset.UTC)).isEqualTo("UTC");
    }

    @Test
    void durationsInTheReadersLanguage() {
        assertThat(shanghai.duration(Duration.ofSeconds(42), Locale.ENGLISH)).isEqualTo("42 s");
        assertThat(shanghai.duration(Duration.ofMinutes(65), Locale.ENGLISH)).isEqualTo("1 h 5 min");
        assertThat(shanghai.duration(Duration.ofMinutes(65), Locale.SIMPLIFIED_CHINESE)).isEqualTo("1 小时 5 分钟");
        assertThat(shanghai.duration(Duration.ofHours(50).plusMinutes(3), Locale.ENGLISH)).isEqualTo("2 d 2 h");
        assertThat(shanghai.duration(Duration.ofMinutes(-3), Locale.ENGLISH)).isEqualTo("0 s");
    }
}
