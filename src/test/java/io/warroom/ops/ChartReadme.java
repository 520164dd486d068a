package io.warroom.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the chart README's "Values" table and lists the chart's values, so a test can match the two. */
final class ChartReadme {

    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9.]+)`");

    private ChartReadme() {
    }

    /**
     * The value names in the first column of the "## Values" table. A cell may name siblings in short form,
     * {@code `service.type`, `.port`}: a name starting with a dot is relative to the previous name's parent.
     */
    static Set<String> documentedValues(String readme) {
        int start = readme.indexOf("\n## Values\n");
        if (start < 0) {
            throw new IllegalStateException("README.md has no \"## Values\" section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new LinkedHashSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String parent = "";
            Matcher m = NAME.matcher(line.split("\\|")[1]);
            while (m.find()) {
                String name = m.group(1).startsWith(".") ? parent + m.group(1) : m.group(1);
                parent = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
                names.add(name);
            }
        }
        return names;
    }

    /** Every value's dotted path down to scalars, lists and empty maps (whose contents are the operator's). */
    static void valuePaths(String prefix, JsonNode node, List<String> into) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(f -> valuePaths(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
                    f.getValue(), into));
        } else {
            into.add(prefix);
        }
    }
}
