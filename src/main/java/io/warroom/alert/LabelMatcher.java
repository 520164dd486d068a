package io.warroom.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which alert groups a rule applies to, as the data files write it: {@code match} (label equals),
 * {@code matchRe} (label matches a whole regular expression) and {@code present} (label exists). Alert
 * routes, runbooks and the incident playbook's rules on alerts all select groups this way.
 */
public record LabelMatcher(Map<String, String> match, Map<String, Pattern> matchRe, List<String> present) {

    public LabelMatcher {
        match = Map.copyOf(match);
        matchRe = Map.copyOf(matchRe);
        present = List.copyOf(present);
    }

    /**
     * Builds a matcher from a file's maps; any argument may be null.
     *
     * @throws IllegalArgumentException naming {@code matchRe.<label>} when an expression does not compile
     */
    public static LabelMatcher of(Map<String, String> match, Map<String, String> matchRe, List<String> present) {
        Map<String, Pattern> re = new LinkedHashMap<>();
        if (matchRe != null) {
            matchRe.forEach((label, expression) -> {
                try {
                    re.put(label, Pattern.compile(expression == null ? "" : expression));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("matchRe." + label + " is not a regular expression: " + e.getDescription());
                }
            });
        }
        return new LabelMatcher(match == null ? Map.of() : match, re, present == null ? List.of() : present);
    }

    /** True when the matcher names no label at all (it would match every group). */
    public boolean isEmpty() {
        return match.isEmpty() && matchRe.isEmpty() && present.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (var e : match.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (var e : matchRe.entrySet()) {
            String value = labels.get(e.getKey());
            if (value == null || !e.getValue().matcher(value).matches()) {
                return false;
            }
        }
        return labels.keySet().containsAll(present);
    }
}
