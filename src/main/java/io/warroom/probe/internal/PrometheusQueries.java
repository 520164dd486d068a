package io.warroom.probe.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Instant queries: every parameter {@code query.<label>} is PromQL, sent to {@code /api/v1/query}; each
 * series becomes a line {@code label{series labels} → value}. Facts: {@code value.<label>} (and
 * {@code value.<label>{series labels}} when a query returns several series) with the value as Prometheus
 * sent it, unrounded; a query with no data has the fact {@code value.<label>} empty.
 */
final class PrometheusQueries {

    static final int MAX_QUERIES = 10;
    static final int MAX_SERIES = 10;

    private final HttpCalls calls;
    private final ObjectMapper json;

    PrometheusQueries(HttpCalls calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    static Map<String, String> queries(ActionSpec spec) {
        Map<String, String> queries = new TreeMap<>();
        spec.parameters().forEach((k, v) -> {
            if (k.startsWith("query.") && k.length() > 6) {
                if (v == null || v.isBlank() || v.length() > 2000) {
                    throw new ActionException(Reason.INVALID, "Prometheus query " + k.substring(6) + " is empty or too long");
                }
                queries.put(k.substring(6), v);
            }
        });
        if (queries.isEmpty() || queries.size() > MAX_QUERIES) {
            throw new ActionException(Reason.INVALID, "give 1 to " + MAX_QUERIES + " Prometheus queries as parameters query.<label>");
        }
        return queries;
    }

    ActionResult run(ActionSpec spec, HttpTarget target) {
        List<Line> lines = new ArrayList<>();
        Map<String, String> facts = new TreeMap<>();
        for (var q : queries(spec).entrySet()) {
            String path = "/api/v1/query?query=" + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8);
            HttpCalls.Response r = calls.send(target, "GET", path, "");
            JsonNode root = parse(r);
            if (!r.ok() || !"success".equals(root.path("status").asText())) {
                String error = root.path("error").asText("");
                if (r.code() == 400 || r.code() == 422 || "bad_data".equals(root.path("errorType").asText())) {
                    throw new ActionException(Reason.INVALID, "Prometheus rejected query " + q.getKey() + ": "
                            + Excerpts.of(error.isEmpty() ? r.body() : error, target.bearerToken()));
                }
                throw calls.failure("query " + q.getKey(), r, target);
            }
            lines.addAll(lines(q.getKey(), root.path("data")));
            facts.putAll(facts(q.getKey(), root.path("data")));
        }
        String scope = spec.target().isEmpty() ? "" : " for " + spec.target();
        String summary = "Prometheus" + scope + ": " + lines.size() + " value" + (lines.size() == 1 ? "" : "s")
                + (target.sandbox() ? " (sandbox)" : "");
        StringBuilder body = new StringBuilder();
        lines.forEach(l -> body.append(l.label()).append(" = ").append(l.value()).append('\n'));
        return new ActionResult(summary, lines, body.toString(), target.sandbox(), false, facts);
    }

    private JsonNode parse(HttpCalls.Response r) {
        try {
            return json.readTree(r.body().isEmpty() ? "{}" : r.body());
        } catch (IOException e) {
            throw new ActionException(Reason.FAILED, "Prometheus answered " + r.code() + " with something that is not JSON");
        }
    }

    static List<Line> lines(String label, JsonNode data) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        List<Line> lines = new ArrayList<>();
        switch (type) {
            case "scalar", "string" -> lines.add(new Line(label, format(result.path(1).asText())));
            case "vector" -> {
                if (result.isEmpty()) {
                    lines.add(new Line(label, "no data"));
                }
                int n = 0;
                for (JsonNode series : result) {
                    if (n++ == MAX_SERIES) {
                        lines.add(new Line(label, "… " + (result.size() - MAX_SERIES) + " more series"));
                        break;
                    }
                    lines.add(new Line(label + series(series.path("metric"), result.size()), format(series.path("value").path(1).asText())));
                }
            }
            default -> lines.add(new Line(label, "unsupported result type " + type));
        }
        return lines;
    }

    static Map<String, String> facts(String label, JsonNode data) {
        Map<String, String> facts = new TreeMap<>();
        JsonNode result = data.path("result");
        switch (data.path("resultType").asText()) {
            case "scalar", "string" -> facts.put("value." + label, result.path(1).asText(""));
            case "vector" -> {
                if (result.isEmpty()) {
                    facts.put("value." + label, "");
                }
                for (JsonNode series : result) {
                    facts.put("value." + label + series(series.path("metric"), result.size()), series.path("value").path(1).asText(""));
                }
            }
            default -> facts.put("value." + label, "");
        }
        return facts;
    }

    private static String series(JsonNode metric, int count) {
        if (count <= 1 || metric.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals("__name__")) {
                parts.add(e.getKey() + "=\"" + e.getValue().asText() + "\"");
            }
        }
        return parts.isEmpty() ? "" : "{" + String.join(", ", parts) + "}";
    }

    /** Four significant digits, no exponent for everyday magnitudes: 0.0004213, 0.2315, 1234, 350.5. */
    static String format(String value) {
        if (value == null || value.isEmpty()) {
            return "no data";
        }
        if (value.equals("NaN") || value.endsWith("Inf")) {
            return value;
        }
        try {
            BigDecimal d = new BigDecimal(value).round(new MathContext(4));
            return d.abs().compareTo(new BigDecimal("1e12")) >= 0 ? d.toString() : d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
