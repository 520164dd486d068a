package io.warroom.alert.internal.thread;

import java.util.List;

/** One short line for a group's thread, written in each destination's language from a bundle key. */
public record Line(String key, List<Object> args) {

    public static Line of(String key, Object... args) {
        return new Line(key, List.of(args));
    }
}
