package io.warroom.action;

import java.util.List;

/**
 * What the approver sees before deciding: the target's current state and what will change, plus the
 * server-side dry run's verdict where the platform supports one. Produced without changing anything.
 */
public record Preview(List<Line> current, List<Line> change, String dryRun, boolean sandbox) {
    public Preview {
        current = current == null ? List.of() : List.copyOf(current);
        change = change == null ? List.of() : List.copyOf(change);
    }
}
