package io.warroom.command.internal.catalog;

import io.warroom.action.ActionExecutors;
import io.warroom.shared.ConfigurationProblem;
import io.warroom.shared.Durations;
import io.warroom.shared.YamlFiles;
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
 * reason. Examples in the catalog are parsed here, so a wrong example is a start-up error too, and every
 * action parameter must be one its executor declares.
 */
public class CatalogLoader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9.-]*");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final ActionExecutors executors;

    public CatalogLoader(ActionExecutors executors) {
        this.executors = executors;
    }

    public List<CatalogCommand> load(List<Resource> files) {
        List<CatalogCommand> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> phrases = new HashSet<>();
        for (Resource file : files) {
            var parsed = YamlFiles.parse(file, CatalogFile.class, "Catalog");
            List<CommandSpec> specs = parsed.value() == null || parsed.value().commands() == null ? List.of() : parsed.value().commands();
            for (int i = 0; i < specs.size(); i++) {
                CommandSpec spec = specs.get(i);
                String entry = "/commands/" + i;
                if (spec == null) {
                    throw problem(parsed.where(entry), null, "an empty entry");
                }
                String where = parsed.where(entry);
                CatalogCommand c;
                try {
                    c = validate(spec, where);
                } catch (Misplaced e) {
                    throw problem(parsed.where(entry + e.path()), spec.id(), e.getMessage());
                } catch (IllegalArgumentException | ParamException e) {
                    throw problem(where, spec.id(), e.getMessage());
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

    /** {@code commands/*.yaml} as written. */
    record CatalogFile(List<CommandSpec> commands) {
    }

    /** A mistake at a place inside the entry (a JSON pointer below it), so the problem names that line. */
    static final class Misplaced extends IllegalArgumentException {
        private final String path;

        Misplaced(String path, String message) {
            super(message);
            this.path = path;
        }

        String path() {
            return path;
        }
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
        List<CommandSpec.ParamSpec> specs = s.params() == null ? List.of() : s.params();
        for (int i = 0; i < specs.size(); i++) {
            Param p;
            try {
                p = param(specs.get(i));
                for (String out : p.outputs()) {
                    require(outputs.add(out), "parameter '" + out + "' is declared twice");
                }
                p.flags().forEach(f -> require(flags.add(f), "option " + f + " is declared twice"));
            } catch (IllegalArgumentException | ParamException e) {
                throw new Misplaced("/params/" + i, e.getMessage());
            }
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
            // A misspelt parameter (lines: for tail:) would otherwise be silently ignored by the executor.
            for (String name : a.parameters().keySet()) {
                if (!takes(executor.parameters(a.operation()), name)) {
                    throw new Misplaced("/action/parameters/" + name, "executor '" + a.executor() + "' operation '" + a.operation()
                            + "' takes no parameter '" + name + "' (it takes: " + describe(executor.parameters(a.operation())) + ")");
                }
            }
        }
        if (a.body() != null && !takes(executor.parameters(a.operation()), "body")) {
            throw new Misplaced("/action/body", "executor '" + a.executor() + "' operation '" + a.operation() + "' takes no body");
        }
        checkBodyPlaceholders(outputs, a.body());
        var command = new CatalogCommand(s.id(), List.copyOf(s.words()), s.usage().strip(), Map.copyOf(s.description()),
                s.runbook(), risk, s.policy(), List.copyOf(params), a, a.body(), where);
        require(s.examples() != null && !s.examples().isEmpty(), "at least one example is required");
        for (int i = 0; i < s.examples().size(); i++) {
            try {
                checkExample(command, s.examples().get(i));
            } catch (IllegalArgumentException e) {
                throw new Misplaced("/examples/" + i, e.getMessage());
            }
        }
        return command;
    }

    /** Whether an executor's declared parameters include {@code name}; an entry ending in '.' is a prefix. */
    static boolean takes(Set<String> declared, String name) {
        return declared.contains(name) || declared.stream().anyMatch(d -> d.endsWith(".") && name.startsWith(d) && name.length() > d.length());
    }

    private static String describe(Set<String> declared) {
        return declared.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(declared)).replace(".,", ".<name>,");
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
        var maxDuration = ps.maxDuration() == null ? null : Durations.parse(ps.maxDuration())
                .orElseThrow(() -> new IllegalArgumentException("maxDuration of '" + ps.name() + "' must look like 24h, 1h30m or PT24H"));
        Param p = new Param(ps.name(), type, positional, flags, required, ps.defaultValue(), ps.min(), ps.max(),
                maxDuration, ps.allowed() == null ? List.of() : List.copyOf(ps.allowed()), pattern, ps.maxLength());
        if (p.defaultValue() != null) {
            p.type().normalise(p, p.defaultValue());
        }
        return p;
    }

    private static void checkExample(CatalogCommand c, CommandSpec.ExampleSpec ex) {
        require(ex.text() != null, "an example has no text");
        List<String> tokens;
        try {
            tokens = Catalog.tokens(ex.text());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("example '" + ex.text() + "' is not something a person could type (" + e.getMessage() + ")");
        }
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

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static ConfigurationProblem problem(String where, String id, String reason) {
        return new ConfigurationProblem("Catalog " + where + (id == null ? "" : " (" + id + ")") + ": " + reason);
    }
}
