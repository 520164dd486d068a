package io.warroom.action;

import io.warroom.shared.Text;

/** A labelled value shown in a card (current replicas, image, revision, pod status ...), in the reader's language. */
public record Line(Text label, Text value) {

    public static Line of(String labelKey, Text value) {
        return new Line(Text.of(labelKey), value);
    }

    /** A value that is data (a name, an image, a number) under a translated label. */
    public static Line of(String labelKey, String value) {
        return new Line(Text.of(labelKey), Text.plain(value));
    }
}
