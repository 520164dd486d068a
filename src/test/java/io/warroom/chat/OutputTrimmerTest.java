package io.warroom.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class OutputTrimmerTest {

    private final Texts texts = texts();

    private static Texts texts() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }

    private static String lines(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void shortOutputIsLeftAlone() {
        assertThat(OutputTrimmer.trim(lines(3), false, Locale.ENGLISH, texts)).isEqualTo("line 1\nline 2\nline 3");
    }

    @Test
    void logsKeepTheirNewestLinesAndSayHowManyWereCut() {
        String out = OutputTrimmer.trim(lines(100), true, Locale.ENGLISH, texts);
        assertThat(out).startsWith("… 60 earlier lines cut\nline 61\n").endsWith("line 100");
    }

    @Test
    void tablesKeepTheirTopAndTheNoteIsInTheConversationsLanguage() {
        String out = OutputTrimmer.trim(lines(50), false, Locale.SIMPLIFIED_CHINESE, texts);
        assertThat(out).startsWith("line 1\n").endsWith("line 40\n… 已省略后面 10 行");
    }

    @Test
    void longLinesAreCutToTheCharacterLimit() {
        String wide = IntStream.range(0, 10).mapToObj(i -> "x".repeat(500)).collect(Collectors.joining("\n"));
        String out = OutputTrimmer.trim(wide, false, Locale.ENGLISH, texts);
        assertThat(out.length()).isLessThanOrEqualTo(OutputTrimmer.MAX_CHARS + 40);
        assertThat(out).endsWith("… 5 more lines cut");
    }
}
