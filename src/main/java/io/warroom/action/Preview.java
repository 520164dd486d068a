package io.warroom.action;

import io.warroom.shared.Text;
import java.util.List;
import java.util.Map;

/**
 * What the approver sees before deciding: the target's current state and what will change, plus the
 * server-side dry run's verdict where the platform supports one. Produced without changing anything.
 * {@code expected} is the state the preview showed, in the executor's own terms (a deployment's uid and
 * generation, the target revision, an ETag): it becomes {@link ActionSpec#expected()}, the digest covers it,
 * and the executor refuses to run when the target no longer matches.
 */
public record Preview(List<Line> current, List<Line> change, Text dryRun, boolean sandbox, Map<String, String> expected) {
    public Preview {
        current = current == null ? List.of() : List.copyOf(current);
        change = change == null ? List.of() : List.copyOf(change);
        expected = expected == null ? Map.of() : Map.copyOf(expected);
    }

    public Preview(List<Line> current, List<Line> change, Text dryRun, boolean sandbox) {
        this(current, change, dryRun, sandbox, Map.of());
    }
}
