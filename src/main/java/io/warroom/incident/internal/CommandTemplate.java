package io.warroom.incident.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checklist command such as {@code pods {service}[ -n {namespace}]}: {@code {name}} is replaced by the
 * incident's value; a {@code [...]} part is left out when a value inside it is unknown. Without a value for
 * a placeholder outside brackets there is no command.
 */
final class CommandTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("service", "namespace");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private CommandTemplate() {
    }

    /** Throws IllegalArgumentException naming what is wrong; used when the playbook is loaded. */
    static void validate(String template) {
        if (template == null || template.isBlank() || template.length() > 300) {
            throw new IllegalArgumentException("a command must be 1 to 300 characters");
        }
        String flat = OPTIONAL.matcher(template).replaceAll("$1");
        if (flat.contains("[") || flat.contains("]")) {
            throw new IllegalArgumentException("unbalanced or nested [ ] in '" + template + "'");
        }
        Matcher m = PLACEHOLDER.matcher(flat);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in '" + template
                        + "' (known: " + PLACEHOLDERS + ")");
            }
        }
        if (flat.startsWith("/")) {
            throw new IllegalArgumentException("write commands without /warroom: '" + template + "'");
        }
    }

    /** The command text, or empty when a required value is missing. */
    static Optional<String> fill(String template, Map<String, String> values) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (optional.find()) {
            String part = optional.group(1);
            optional.appendReplacement(sb, Matcher.quoteReplacement(
                    replace(part, values).orElse("")));
        }
        optional.appendTail(sb);
        return replace(sb.toString(), values).map(s -> s.strip().replaceAll("\\s+", " "));
    }

    private static Optional<String> replace(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return Optional.of(sb.toString());
    }
}
