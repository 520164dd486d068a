package io.warroom.check;

import java.time.Instant;

/** A check that failed in a run: which, when, and what was wrong, in the language asked for. */
public record FailedCheck(String listId, String checkId, String name, Instant at, String detail) {
}
