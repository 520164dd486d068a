package io.warroom.action;

import io.warroom.shared.Text;
import java.util.List;

/** How a change is rolling out: still going, done, or failed (e.g. ProgressDeadlineExceeded). */
public record Progress(State state, Text summary, List<Line> lines) {

    public enum State { IN_PROGRESS, COMPLETE, FAILED }

    public Progress {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public boolean finished() {
        return state != State.IN_PROGRESS;
    }
}
