package io.warroom.action;

import java.util.List;
import java.util.Map;

/**
 * What an action did or found. {@code body} is preformatted output (pod table, log lines) that the
 * caller trims to fit a chat message; {@code followable} says {@link ActionExecutor#progress} can report
 * how the change rolls out. {@code facts} are the same findings as plain values under stable keys
 * (e.g. {@code pod.backend-1.restarts} = {@code 7}), for callers that judge a result rather than show it,
 * such as scheduled checks; each executor documents its keys.
 */
public record ActionResult(String summary, List<Line> lines, String body, boolean sandbox, boolean followable,
                           Map<String, String> facts) {
    public ActionResult {
        lines = lines == null ? List.of() : List.copyOf(lines);
        body = body == null ? "" : body;
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public ActionResult(String summary, List<Line> lines, String body, boolean sandbox, boolean followable) {
        this(summary, lines, body, sandbox, followable, Map.of());
    }
}
