package io.warroom.command.internal.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A validated catalog command: how it is invoked, its parameters, and the action it becomes. */
public record CatalogCommand(String id, List<String> words, String usage, Map<String, String> description,
                             String runbook, Risk risk, String policy, List<Param> params,
                             CommandSpec.ActionTemplate action, Map<String, Object> body, String source) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public String phrase() {
        return String.join(" ", words);
    }

    public String riskId() {
        return risk.id();
    }

    public boolean readOnly() {
        return risk == Risk.READ;
    }

    public String description(Locale locale) {
        String tag = locale.toLanguageTag();
        return description.getOrDefault(tag, description.getOrDefault(locale.getLanguage(),
                description.getOrDefault("en", "")));
    }

    /** The exact action for these parameters; placeholders in paths are URL-encoded, body values JSON-encoded. */
    public ActionSpec toAction(Map<String, String> values) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (action.parameters() != null) {
            action.parameters().forEach((k, template) -> {
                // Values placed inside a path are URL-encoded ("/admin/apikeys/{id}/revoke"); a path that is
                // wholly one parameter is that parameter's value, which its own pattern has already checked.
                boolean encode = k.equals("path") && !PLACEHOLDER.matcher(template).matches();
                String filled = fill(template, values, encode);
                if (!filled.isEmpty()) {
                    parameters.put(k, filled);
                }
            });
        }
        if (body != null) {
            parameters.put("body", json(fillBody(body, values)));
        }
        return new ActionSpec(action.executor(), action.operation(), fill(action.cluster(), values, false),
                fill(action.namespace(), values, false), fill(action.target(), values, false), parameters);
    }

    static String fill(String template, Map<String, String> values, boolean urlEncode) {
        if (template == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.getOrDefault(m.group(1), "");
            if (urlEncode) {
                v = URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Map<String, Object> fillBody(Map<String, Object> template, Map<String, String> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        template.forEach((k, v) -> {
            if (v instanceof String s) {
                String filled = fill(s, values, false);
                if (!filled.isEmpty()) {
                    out.put(k, filled);
                }
            } else if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> n = (Map<String, Object>) nested;
                out.put(k, fillBody(n, values));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
