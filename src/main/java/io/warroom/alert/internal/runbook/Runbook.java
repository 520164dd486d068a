package io.warroom.alert.internal.runbook;

import io.warroom.alert.LabelMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runbook for an alert: its steps in each language and the command templates it offers. */
public record Runbook(String id, LabelMatcher labels, String source, Map<String, List<String>> steps,
                      List<String> commands) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** A label value put into a command line: a name-like token, so a label cannot add options or words. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,252}");

    boolean matches(Map<String, String> groupLabels) {
        return labels.matches(groupLabels);
    }

    /** The steps in {@code locale}'s language, English when it has none. */
    public List<String> steps(Locale locale) {
        List<String> s = steps.get(locale.toLanguageTag());
        if (s == null && locale.getLanguage().equals("zh")) {
            s = steps.get("zh-CN");
        }
        return s != null ? s : steps.getOrDefault("en", List.of());
    }

    /** The commands with this group's labels filled in; a command missing a label, or with an unsafe value, is left out. */
    public List<String> commandsFor(Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        for (String template : commands) {
            String filled = fill(template, labels);
            if (filled != null) {
                out.add(filled);
            }
        }
        return out;
    }

    static String fill(String template, Map<String, String> labels) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = labels.get(m.group(1));
            if (value == null || !SAFE_VALUE.matcher(value).matches()) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
