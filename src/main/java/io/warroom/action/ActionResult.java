package io.warroom.action;

import io.warroom.shared.Text;
import java.util.List;

/**
 * What an action did or found. {@code body} is preformatted output (pod table, log lines) that the
 * caller trims to fit a chat message; {@code followable} says {@link ActionExecutor#progress} can report
 * how the change rolls out.
 */
public record ActionResult(Text summary, List<Line> lines, String body, boolean sandbox, boolean followable) {
    public ActionResult {
        lines = lines == null ? List.of() : List.copyOf(lines);
        body = body == null ? "" : body;
    }
}
