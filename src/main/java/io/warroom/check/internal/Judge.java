package io.warroom.check.internal;

import io.warroom.action.ActionResult;
import java.time.Duration;
import java.time.Instant;

/** Decides whether an executor's result passes a check, from the result's facts. */
interface Judge {

    Verdict judge(ActionResult result, Instant now);

    /** {@code 2d04h}, {@code 7h03m}, {@code 12m}: short and the same in every language. */
    static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes >= 24 * 60) {
            return String.format("%dd%02dh", minutes / (24 * 60), minutes % (24 * 60) / 60);
        }
        return minutes >= 60 ? String.format("%dh%02dm", minutes / 60, minutes % 60) : minutes + "m";
    }
}
