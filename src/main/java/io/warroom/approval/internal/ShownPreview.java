package io.warroom.approval.internal;

import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.chat.Texts;
import java.util.List;
import java.util.Locale;

/**
 * A preview as the card shows it, in the card's language, stored with the request so the card reads the
 * same in every later state (the JSON shape requests were always stored in).
 */
record ShownPreview(List<Shown> current, List<Shown> change, String dryRun, boolean sandbox) {

    record Shown(String label, String value) {
    }

    ShownPreview {
        current = current == null ? List.of() : List.copyOf(current);
        change = change == null ? List.of() : List.copyOf(change);
    }

    static ShownPreview of(Preview p, Texts texts, Locale l) {
        return new ShownPreview(shown(p.current(), texts, l), shown(p.change(), texts, l),
                p.dryRun() == null ? null : texts.get(l, p.dryRun()), p.sandbox());
    }

    static List<Shown> shown(List<Line> lines, Texts texts, Locale l) {
        return lines.stream().map(x -> new Shown(texts.get(l, x.label()), texts.get(l, x.value()))).toList();
    }
}
