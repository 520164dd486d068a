package io.warroom.shared;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;

/**
 * The one strict reader of operators' YAML files (catalog, policies, roster, alert routing and runbooks):
 * unknown keys, duplicate keys and wrong types stop start-up naming the file, the line and the key.
 * Jackson binds a record only after reading the whole object, so the location it reports is past the
 * mistake; the lines here come from a first pass over the file that records where every key and list item
 * starts, looked up by the path Jackson reports.
 */
public final class YamlFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "- ~" in a list or "key:" with nothing in a map is a mistake, named with its line, not a null to trip over later
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .findAndAddModules()
            .build();

    private YamlFiles() {
    }

    /**
     * A parsed file and where each of its parts starts, for problems found after parsing ("the third
     * command's second parameter").
     */
    public record Parsed<T>(T value, String file, Map<String, Integer> lines) {

        /** The line of a JSON pointer such as {@code /commands/2/params/1}, or of its nearest parent. */
        public int line(String pointer) {
            for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                if (p.isEmpty()) {
                    return 1;
                }
            }
        }

        /** {@code file:line} of a pointer. */
        public String where(String pointer) {
            return file + ":" + line(pointer);
        }
    }

    /**
     * @param what how the problem names the file's kind, e.g. "Alert routing"
     * @return the parsed file, or null when it is empty
     */
    public static <T> T read(Resource file, Class<T> type, String what) {
        return parse(file, type, what).value();
    }

    /** Like {@link #read}, keeping where every key and list item is (value null for an empty file). */
    public static <T> Parsed<T> parse(Resource file, Class<T> type, String what) {
        String text;
        try (InputStream in = file.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationProblem(what + " " + name(file) + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(text, name(file), type, what);
    }

    /** Parses {@code text} as the file {@code name}. */
    public static <T> Parsed<T> parse(String text, String name, Class<T> type, String what) {
        Map<String, Integer> lines;
        try {
            lines = lines(text);
        } catch (IOException e) {
            throw new ConfigurationProblem(what + " " + name + ":" + line(e) + ": " + firstLine(e));
        }
        if (lines.isEmpty()) {
            return new Parsed<>(null, name, Map.of());
        }
        try {
            return new Parsed<>(YAML.readValue(text, type), name, Map.copyOf(lines));
        } catch (UnrecognizedPropertyException e) {
            String pointer = pointer(e);
            throw new ConfigurationProblem(what + " " + name + ":" + lines.getOrDefault(pointer, line(e))
                    + ": unknown key '" + e.getPropertyName() + "'" + known(e));
        } catch (JsonMappingException e) {
            var parsed = new Parsed<>(null, name, lines);
            throw new ConfigurationProblem(what + " " + name + ":" + parsed.line(pointer(e)) + ": "
                    + (e.getPath().isEmpty() ? "" : "'" + key(e) + "': ") + firstLine(e));
        } catch (IOException e) {
            throw new ConfigurationProblem(what + " " + name + ":" + line(e) + ": " + firstLine(e));
        }
    }

    public static String name(Resource file) {
        return file.getFilename() != null ? file.getFilename() : file.getDescription();
    }

    /** Where every key and list item starts, by JSON pointer. Also catches syntax errors and duplicate keys. */
    private static Map<String, Integer> lines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart()) {
                    lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/');
            if (r.getFieldName() != null) {
                sb.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(r.getIndex());
            }
        }
        return sb.toString();
    }

    private static String key(JsonMappingException e) {
        for (int i = e.getPath().size() - 1; i >= 0; i--) {
            if (e.getPath().get(i).getFieldName() != null) {
                return e.getPath().get(i).getFieldName();
            }
        }
        return "";
    }

    private static String known(UnrecognizedPropertyException e) {
        var ids = e.getKnownPropertyIds();
        return ids == null || ids.isEmpty() ? "" : " (known: " + String.join(", ", ids.stream().map(String::valueOf).sorted().toList()) + ")";
    }

    private static int line(IOException e) {
        JsonLocation l = e instanceof JsonProcessingException j ? j.getLocation() : null;
        return l == null ? 1 : Math.max(1, l.getLineNr());
    }

    private static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? "unreadable" : m.lines().findFirst().orElse("unreadable");
    }
}
