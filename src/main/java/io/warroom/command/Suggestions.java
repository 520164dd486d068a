package io.warroom.command;

import io.warroom.command.internal.DidYouMean;
import java.util.Collection;
import java.util.List;

/** "Did you mean": the known words closest to a mistyped one, for commands' own usage errors. */
public final class Suggestions {

    private Suggestions() {
    }

    /** Up to three of {@code known}, closest first; empty when nothing is close. */
    public static List<String> closeTo(String typed, Collection<String> known) {
        return DidYouMean.suggest(typed, known);
    }
}
