package io.warroom.check;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the checks found, for other modules (the handoff form lists a shift's failed checks). */
public interface CheckResults {

    /** Every failed check of runs that finished in [from, to), oldest first, worded in {@code locale}. */
    List<FailedCheck> failedBetween(Instant from, Instant to, Locale locale);
}
