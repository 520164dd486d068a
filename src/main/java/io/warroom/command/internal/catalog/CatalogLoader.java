package io.warroom.command.internal.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.warroom.action.ActionExecutors;
import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.core.io.Resource;

/**
 * Reads catalog files and validates every entry; the first mistake stops start-up with file, line and
 * reason. Examples in the catalog are parsed here, so a wrong example is a start-up error too.
 */
public class CatalogLoader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9.-]*");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ActionExecutors executors;

    public CatalogLoader(ActionExecutors executors) {
        this.executors = executors;
    }

    public List<CatalogCommand> load(List<Resource> files) {
        List<CatalogCommand> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> phrases = new HashSet<>();
        for (Resource file : files) {
            for (var located : read(file)) {
                String where = file.getFilename() + ":" + located.line();
                CatalogCommand c;
                try {
                    c = validate(located.spec(), where);
                } catch (IllegalArgumentException | ParamException e) {
                    throw problem(where, located.spec().id(), e.getMessage());
                }
                if (!ids.add(c.id())) {
                    throw problem(where, c.id(), "duplicate id");
                }
                if (!phrases.add(c.phrase())) {
                    throw problem(where, c.id(), "another command is already invoked by '" + c.phrase() + "'");
                }
                all.add(c);
            }
        }
        return List.copyOf(all);
    }

    private record Located(CommandSpec spec, int line) {
    }

    private List<Located> read(Resource file) {
        List<Located> result = new ArrayList<>();
        String text;
        try (InputStream in = file.getInputStream()) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem(file.getFilename(), null, "unreadable: " + e.getMessage());
        }
        int entryLine = 1;
        try (JsonParser p = yaml.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw problem(file.getFilename() + ":1", null, "expected a mapping with 'commands:'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (!field.equals("commands")) {
                    throw problem(file.getFilename() + ":" + p.currentLocation().getLineNr(), null,
                            "unknown top-level key '" + field + "' (only 'commands')");
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw problem(file.getFilename() + ":" + p.currentLocation().getLineNr(), null, "'commands' must be a list");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    entryLine = p.currentLocation().getLineNr();
                    result.add(new Located(yaml.readValue(p, CommandSpec.class), entryLine));
                }
            }
        } catch (UnrecognizedPropertyException e) {
            // Records are bound after the whole entry is read, so the parser is past the key: find its line.
            int line = lineOfKey(text, e.getPropertyName(), entryLine);
            throw problem(file.getFilename() + ":" + line, null, "unknown key '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            throw problem(file.getFilename() + ":" + line(e.getLocation()), null, e.getOriginalMessage());
        } catch (IOException e) {
            throw problem(file.getFilename(), null, e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        return result;
    }

    private CatalogCommand validate(CommandSpec s, String where) {
        require(s.id() != null && ID.matcher(s.id()).matches(), "id must be lowercase letters, digits, '.' or '-'");
        require(s.words() != null && !s.words().isEmpty(), "words are required");
        s.words().forEach(w -> require(w != null && WORD.matcher(w).matches(), "word '" + w + "' must be lowercase letters, digits or '-'"));
        require(s.usage() != null && !s.usage().isBlank(), "usage is required");
        require(s.description() != null && s.description().containsKey("en") && s.description().containsKey("zh-CN"),
                "description needs 'en' and 'zh-CN'");
        Risk risk = Risk.parse(s.risk());
        List<Param> params = new ArrayList<>();
        Set<String> outputs = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (var ps : s.params() == null ? List.<CommandSpec.ParamSpec>of() : s.params()) {
            Param p = param(ps);
            for (String out : p.outputs()) {
                require(outputs.add(out), "parameter '" + out + "' is declared twice");
            }
            p.flags().forEach(f -> require(flags.add(f), "option " + f + " is declared twice"));
            params.add(p);
        }
        var a = s.action();
        require(a != null && a.executor() != null && a.operation() != null, "action needs executor and operation");
        var executor = executors.find(a.executor())
                .orElseThrow(() -> new IllegalArgumentException("unknown executor '" + a.executor() + "'"));
        require(executor.operations().contains(a.operation()),
                "executor '" + a.executor() + "' has no operation '" + a.operation() + "'");
        checkPlaceholders(outputs, a.cluster(), a.namespace(), a.target());
        if (a.parameters() != null) {
            a.parameters().values().forEach(v -> checkPlaceholders(outputs, v));
        }
        checkBodyPlaceholders(outputs, a.body());
        var command = new CatalogCommand(s.id(), List.copyOf(s.words()), s.usage().strip(), Map.copyOf(s.description()),
                s.runbook(), risk, s.policy(), List.copyOf(params), a, a.body(), where);
        require(s.examples() != null && !s.examples().isEmpty(), "at least one example is required");
        for (var ex : s.examples()) {
            checkExample(command, ex);
        }
        return command;
    }

    private static Param param(CommandSpec.ParamSpec ps) {
        require(ps.name() != null && PARAM_NAME.matcher(ps.name()).matches(), "parameter name '" + ps.name() + "' is invalid");
        ParamType type = ParamType.parse(ps.type());
        boolean positional = Boolean.TRUE.equals(ps.positional());
        List<String> flags = ps.flags() == null ? List.of() : List.copyOf(ps.flags());
        require(positional != !flags.isEmpty(), "parameter '" + ps.name() + "' must be positional or have flags, not both");
        flags.forEach(f -> require(f.matches("--?[a-z][a-z0-9-]*"), "option '" + f + "' must look like -n or --name"));
        require(!(positional && type == ParamType.BOOLEAN), "boolean parameter '" + ps.name() + "' must be a flag");
        boolean required = Boolean.TRUE.equals(ps.required());
        require(!(required && ps.defaultValue() != null), "parameter '" + ps.name() + "' is required and has a default");
        require(type != ParamType.ENUM || (ps.allowed() != null && !ps.allowed().isEmpty()),
                "enum parameter '" + ps.name() + "' needs 'allowed'");
        require(ps.min() == null || ps.max() == null || ps.min() <= ps.max(), "min > max for '" + ps.name() + "'");
        Pattern pattern = null;
        if (ps.pattern() != null) {
            try {
                pattern = Pattern.compile(ps.pattern());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern of '" + ps.name() + "' does not compile: " + e.getDescription());
            }
        }
        var maxDuration = ps.maxDuration() == null ? null : ParamType.parseDuration(ps.maxDuration())
                .orElseThrow(() -> new IllegalArgumentException("maxDuration of '" + ps.name() + "' must look like 24h"));
        Param p = new Param(ps.name(), type, positional, flags, required, ps.defaultValue(), ps.min(), ps.max(),
                maxDuration, ps.allowed() == null ? List.of() : List.copyOf(ps.allowed()), pattern, ps.maxLength());
        if (p.defaultValue() != null) {
            p.type().normalise(p, p.defaultValue());
        }
        return p;
    }

    private static void checkExample(CatalogCommand c, CommandSpec.ExampleSpec ex) {
        require(ex.text() != null, "an example has no text");
        var tokens = io.warroom.command.internal.catalog.Catalog.tokens(ex.text());
        require(tokens.size() >= c.words().size() && tokens.subList(0, c.words().size()).equals(c.words()),
                "example '" + ex.text() + "' does not start with '" + c.phrase() + "'");
        var args = tokens.subList(c.words().size(), tokens.size());
        if (ex.error() != null) {
            try {
                ArgumentParser.parse(c.params(), args);
            } catch (ParamException e) {
                require(e.getMessage().contains(ex.error()),
                        "example '" + ex.text() + "' failed with '" + e.getMessage() + "', expected '" + ex.error() + "'");
                return;
            }
            throw new IllegalArgumentException("example '" + ex.text() + "' should fail with '" + ex.error() + "' but parsed");
        }
        Map<String, String> parsed;
        try {
            parsed = ArgumentParser.parse(c.params(), args);
        } catch (ParamException e) {
            throw new IllegalArgumentException("example '" + ex.text() + "' does not parse: " + e.getMessage());
        }
        Map<String, String> expected = ex.params() == null ? Map.of() : ex.params();
        require(parsed.equals(expected), "example '" + ex.text() + "' parses to " + parsed + ", expected " + expected);
    }

    private static void checkPlaceholders(Set<String> outputs, String... templates) {
        for (String t : templates) {
            if (t == null) {
                continue;
            }
            Matcher m = CatalogCommand.PLACEHOLDER.matcher(t);
            while (m.find()) {
                require(outputs.contains(m.group(1)), "action uses {" + m.group(1) + "}, which is not a parameter");
            }
        }
    }

    private static void checkBodyPlaceholders(Set<String> outputs, Map<String, Object> body) {
        if (body == null) {
            return;
        }
        body.values().forEach(v -> {
            if (v instanceof String s) {
                checkPlaceholders(outputs, s);
            } else if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) m;
                checkBodyPlaceholders(outputs, nested);
            }
        });
    }

    private static int lineOfKey(String text, String key, int from) {
        Pattern p = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        String[] lines = text.split("\n", -1);
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return from;
    }

    private static int line(JsonLocation l) {
        return l == null ? 0 : l.getLineNr();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static ConfigurationProblem problem(String where, String id, String reason) {
        return new ConfigurationProblem("Catalog " + where + (id == null ? "" : " (" + id + ")") + ": " + reason);
    }
}
