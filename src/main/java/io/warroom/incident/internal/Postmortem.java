package io.warroom.incident.internal;

import java.time.Instant;
import java.util.List;

/**
 * The incident record (故障记录) with exactly the runbook's fields: time, type, description, impact, steps
 * taken, root cause, prevention, handlers; plus the checklist's stage times, the linked alerts and the result
 * of verifying every timeline it was built from. Human fields are null until written.
 */
record Postmortem(String id, String severity, String title, String status, Instant startedAt, Instant identifiedAt,
                  Instant mitigatedAt, Instant resolvedAt, Instant closedAt, String type, String description,
                  String impact, String rootCause, String prevention, List<Step> steps, List<StageTime> stages,
                  List<Handler> handlers, List<String> alerts, List<Chain> chains) {

    /** One thing done, at a time, by someone, in the reader's language. */
    record Step(Instant at, String who, String what) {
    }

    /** A checklist stage: how long it took (null while not done) against its budget, and how it was done. */
    record StageTime(String stage, String title, Long seconds, long budgetSeconds, String how, String by) {
        boolean overBudget() {
            return seconds != null && seconds > budgetSeconds;
        }
    }

    /** Someone who handled the incident, with what they did (commander, approved a change, ...). */
    record Handler(String person, String name, List<String> parts) {
    }

    /**
     * The hash-chain check of one timeline the record was built from, and its last hash: kept with the record
     * (a wiki page, a ticket), it shows later whether the history was rewritten (docs/security.md).
     */
    record Chain(String stream, String label, boolean intact, long entries, Long brokenAt, String reason,
                 String lastHash) {
    }

    boolean intact() {
        return chains.stream().allMatch(Chain::intact);
    }
}
