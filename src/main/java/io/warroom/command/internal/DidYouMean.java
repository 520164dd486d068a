package io.warroom.command.internal;

import io.warroom.command.UsageException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Suggests known words close to a mistyped one (optimal string alignment distance, or a shared prefix). */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The usage error for a command nobody knows, with suggestions from the built-ins and the catalog. */
    static UsageException unknownCommand(String typed, Collection<String> builtins,
                                         io.warroom.command.internal.catalog.Catalog catalog) {
        var vocabulary = new java.util.LinkedHashSet<>(builtins);
        vocabulary.addAll(catalog.vocabulary());
        List<String> suggestions = suggest(typed, vocabulary);
        return suggestions.isEmpty() ? new UsageException("command.unknown", typed)
                : new UsageException("command.unknown.suggest", typed, String.join(", ", suggestions));
    }

    public static List<String> suggest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        int tolerance = t.length() <= 3 ? 1 : 2;
        return known.stream()
                .filter(k -> distance(t, k) <= tolerance || (t.length() >= 3 && k.startsWith(t)))
                .sorted(Comparator.comparingInt((String k) -> distance(t, k)).thenComparing(k -> k))
                .limit(3)
                .toList();
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
