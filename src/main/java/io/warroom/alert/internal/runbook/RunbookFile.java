package io.warroom.alert.internal.runbook;

import java.util.List;
import java.util.Map;

/** {@code alerts/runbooks*.yaml} as written. */
record RunbookFile(List<Entry> runbooks) {

    /** Matched by exact labels, regular expressions and/or labels that must be present. */
    record Entry(String id, Map<String, String> match, Map<String, String> matchRe, List<String> present,
                 String source, Map<String, List<String>> steps, List<String> commands) {
    }
}
