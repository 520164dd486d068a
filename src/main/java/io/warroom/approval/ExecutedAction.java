package io.warroom.approval;

import java.time.Instant;
import java.util.List;

/**
 * A privileged action that was approved and run (or started running): what, who asked, who approved, and
 * how it ended ({@code EXECUTED}, {@code FAILED}, or {@code EXECUTING} while running or if it never
 * reported back). {@code at} is when the last approval came.
 */
public record ExecutedAction(String requestId, String commandText, String action, String requester,
                             List<String> approvers, String state, String result, Instant at) {

    public ExecutedAction {
        approvers = List.copyOf(approvers);
    }
}
