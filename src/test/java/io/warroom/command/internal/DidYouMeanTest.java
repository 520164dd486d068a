package io.warroom.command.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> KNOWN = List.of("help", "oncall", "whoami", "restart", "rollback");

    @Test
    void suggestsCloseWordsFirst() {
        assertThat(DidYouMean.suggest("hepl", KNOWN)).containsExactly("help");
        assertThat(DidYouMean.suggest("onclal", KNOWN)).containsExactly("oncall");
        assertThat(DidYouMean.suggest("ro", KNOWN)).isEmpty();
        assertThat(DidYouMean.suggest("rol", KNOWN)).containsExactly("rollback");
        assertThat(DidYouMean.suggest("deploy", KNOWN)).isEmpty();
    }

    @Test
    void transpositionCountsAsOneEdit() {
        assertThat(DidYouMean.distance("hepl", "help")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }
}
