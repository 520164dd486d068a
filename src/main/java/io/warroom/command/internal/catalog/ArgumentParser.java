package io.warroom.command.internal.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the tokens after a command's words to its parameters: {@code --flag value}, {@code --flag=value},
 * boolean {@code --flag}, positionals in declaration order. Everything it rejects is a {@link ParamException}.
 */
final class ArgumentParser {

    private ArgumentParser() {
    }

    static Map<String, String> parse(List<Param> params, List<String> tokens) {
        Map<String, String> raw = new LinkedHashMap<>();
        Iterator<Param> positionals = params.stream().filter(Param::positional).iterator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (looksLikeFlag(token)) {
                String flag = token;
                String inlineValue = null;
                int eq = token.indexOf('=');
                if (eq > 0) {
                    flag = token.substring(0, eq);
                    inlineValue = token.substring(eq + 1);
                }
                String f = flag;
                Param p = flagParam(params, f).orElseThrow(() -> unknownFlag(params, f));
                if (!seen.add(p.name())) {
                    throw new ParamException("param.twice", flag);
                }
                String value;
                if (inlineValue != null) {
                    value = inlineValue;
                } else if (p.type() == ParamType.BOOLEAN) {
                    value = "true";
                } else if (i + 1 < tokens.size()) {
                    value = tokens.get(++i);
                } else {
                    throw new ParamException("param.needs-value", flag);
                }
                raw.put(p.name(), value);
            } else {
                if (!positionals.hasNext()) {
                    throw new ParamException("param.unexpected", shorten(token));
                }
                raw.put(positionals.next().name(), token);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Param p : params) {
            String value = raw.containsKey(p.name()) ? raw.get(p.name()) : p.defaultValue();
            if (value == null) {
                if (p.required()) {
                    throw new ParamException("param.missing", p.positional() ? "<" + p.name() + ">" : p.flags().get(0));
                }
                continue;
            }
            String normalised = p.type().normalise(p, value);
            if (p.type() == ParamType.CONTAINER_IMAGE) {
                int eq = normalised.indexOf('=');
                result.put("container", normalised.substring(0, eq));
                result.put("image", normalised.substring(eq + 1));
            } else {
                result.put(p.name(), normalised);
            }
        }
        return result;
    }

    private static boolean looksLikeFlag(String token) {
        // "-1" is a (bad) value, not a flag; "-" alone is a value too.
        return token.length() > 1 && token.startsWith("-") && !Character.isDigit(token.charAt(1));
    }

    private static Optional<Param> flagParam(List<Param> params, String flag) {
        return params.stream().filter(p -> p.flags().contains(flag)).findFirst();
    }

    private static ParamException unknownFlag(List<Param> params, String flag) {
        List<String> known = new ArrayList<>();
        params.forEach(p -> known.addAll(p.flags()));
        if (known.isEmpty()) {
            return new ParamException("param.no-options", shorten(flag));
        }
        return new ParamException("param.unknown-option", shorten(flag), String.join(", ", known));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
