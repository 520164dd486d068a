package io.warroom.shared;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * Reads an operator's YAML file into a record strictly: unknown keys and wrong types stop start-up with
 * the file and the line of the mistake. Jackson binds a record only after reading the whole object, so
 * its location is past an unknown key; the key's own line is looked up in the text instead.
 */
public final class YamlFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private YamlFiles() {
    }

    /**
     * @param what how the problem names the file's kind, e.g. "Alert routing"
     * @return the parsed file, or null when it is empty
     */
    public static <T> T read(Resource file, Class<T> type, String what) {
        String text;
        try (InputStream in = file.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationProblem(what + " " + name(file) + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            return YAML.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigurationProblem(what + " " + name(file) + ":" + lineOfKey(text, e.getPropertyName(), e.getLocation())
                    + ": unknown key '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            throw new ConfigurationProblem(what + " " + name(file) + ":" + line(e.getLocation()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("wrong type"));
        } catch (IOException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("unreadable");
            throw new ConfigurationProblem(what + " " + name(file) + ": " + message);
        }
    }

    public static String name(Resource file) {
        return file.getFilename() != null ? file.getFilename() : file.getDescription();
    }

    /** The last line at or before Jackson's position that holds {@code key:} (Jackson stops after the object). */
    static int lineOfKey(String text, String key, JsonLocation at) {
        Pattern p = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        String[] lines = text.split("\n", -1);
        int end = Math.min(lines.length, Math.max(1, line(at)));
        for (int i = end - 1; i >= 0; i--) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        for (int i = end; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return line(at);
    }

    private static int line(JsonLocation l) {
        return l == null ? 0 : l.getLineNr();
    }
}
