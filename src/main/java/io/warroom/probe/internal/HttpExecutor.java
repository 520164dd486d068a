package io.warroom.probe.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionExecutor;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.action.RunAs;
import io.warroom.shared.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * The {@code http} executor: {@code request} (admin APIs of configured services), {@code probe} (health
 * checks) and {@code prometheus} (instant queries). Everything is validated before a request is sent; a
 * request that names a {@code state} path is bound to the state its preview showed ({@link AdminState}).
 */
public class HttpExecutor implements ActionExecutor {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    private final HttpTargets targets;
    private final HttpCalls calls;
    private final PrometheusQueries prometheus;
    private final AdminState state;
    private final ObjectMapper json;

    public HttpExecutor(HttpTargets targets, OkHttpClient client, ObjectMapper json) {
        this.targets = targets;
        this.calls = new HttpCalls(client);
        this.prometheus = new PrometheusQueries(calls, json);
        this.state = new AdminState(calls);
        this.json = json;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Set<String> operations() {
        return Set.of("request", "probe", "prometheus");
    }

    @Override
    public Set<String> parameters(String operation) {
        return switch (operation) {
            case "request" -> Set.of("method", "path", "body", "state");
            case "probe" -> Set.of("path");
            case "prometheus" -> Set.of("query.");
            default -> Set.of();
        };
    }

    @Override
    public Preview preview(ActionSpec spec, RunAs runAs) {
        check(spec);
        if (!spec.operation().equals("request")) {
            return new Preview(List.of(Line.of("probe.line.read", spec.describe())), List.of(), Text.of("probe.preview.read-only"),
                    spec.operation().equals("prometheus") ? targets.prometheus().sandbox() : targets.service(spec.target()).sandbox());
        }
        HttpTarget target = targets.service(spec.target());
        String method = method(spec);
        String body = body(spec);
        List<Line> current = new ArrayList<>(List.of(
                Line.of("probe.line.service", target.sandbox() ? Text.of("probe.sandboxed", Text.plain(target.name())) : Text.plain(target.name())),
                Line.of("probe.line.base-url", target.baseUrl())));
        Map<String, String> expected = Map.of();
        if (stateOf(spec) != null) {
            AdminState.Seen seen = state.read(target, stateOf(spec));
            current.add(Line.of("probe.line.state", Excerpts.of(seen.response().body(), target.bearerToken())));
            expected = seen.expected();
        }
        List<Line> change = new ArrayList<>(List.of(Line.of("probe.line.request", method + " " + target.baseUrl() + path(spec))));
        if (!body.isEmpty()) {
            change.add(Line.of("probe.line.body", Excerpts.of(body)));
        }
        Text dryRun = Text.of(expected.containsKey(AdminState.ETAG) ? "probe.preview.conditional"
                : expected.isEmpty() ? "probe.preview.no-dry-run" : "probe.preview.rechecked");
        return new Preview(current, change, dryRun, target.sandbox(), expected);
    }

    @Override
    public ActionResult execute(ActionSpec spec, RunAs runAs) {
        check(spec);
        return switch (spec.operation()) {
            case "request" -> request(spec);
            case "probe" -> probe(spec);
            default -> prometheus.run(spec, targets.prometheus());
        };
    }

    private ActionResult request(ActionSpec spec) {
        HttpTarget target = targets.service(spec.target());
        String method = method(spec);
        String path = path(spec);
        Map<String, String> conditions = state.require(target, spec);
        HttpCalls.Response r = calls.send(target, method, path, body(spec), conditions);
        String what = method + " " + target.name() + " " + path;
        if (r.code() == 412 && conditions.containsKey("If-Match")) {
            throw AdminState.changed(target, stateOf(spec));
        }
        if (!r.ok()) {
            throw calls.failure(what, r, target);
        }
        String excerpt = Excerpts.of(r.body(), target.bearerToken());
        List<Line> lines = new ArrayList<>(List.of(Line.of("probe.line.status", r.code() + " " + r.message()),
                Line.of("probe.line.latency", Text.of("probe.value.millis", r.millis()))));
        if (!excerpt.isEmpty()) {
            lines.add(Line.of("probe.line.response", excerpt));
        }
        Text summary = Text.of("probe.result.request", what, r.code(), r.message(), r.millis());
        return new ActionResult(target.sandbox() ? Text.of("probe.sandboxed", summary) : summary, lines, excerpt, target.sandbox(), false);
    }

    /** A GET of the service's health path; anything but 2xx is an {@link ActionException}. Facts: {@code status}, {@code latency-ms}. */
    private ActionResult probe(ActionSpec spec) {
        HttpTarget target = targets.service(spec.target());
        String path = spec.parameter("path") == null || spec.parameter("path").isBlank() ? "/health" : path(spec);
        HttpCalls.Response r = calls.send(target, "GET", path, "");
        if (!r.ok()) {
            String excerpt = Excerpts.of(r.body(), target.bearerToken());
            Text unhealthy = Text.of(excerpt.isEmpty() ? "probe.result.unhealthy" : "probe.result.unhealthy-body", target.name(), path,
                    r.code(), r.message(), r.millis(), excerpt);
            throw new ActionException(r.code() >= 500 ? Reason.UNREACHABLE : Reason.FAILED,
                    target.sandbox() ? Text.of("probe.sandboxed", unhealthy) : unhealthy);
        }
        Text healthy = Text.of("probe.result.healthy", target.name(), path, r.code(), r.message(), r.millis());
        return new ActionResult(target.sandbox() ? Text.of("probe.sandboxed", healthy) : healthy,
                List.of(Line.of("probe.line.status", r.code() + " " + r.message()),
                        Line.of("probe.line.latency", Text.of("probe.value.millis", r.millis())),
                        Line.of("probe.line.url", target.baseUrl() + path)),
                Excerpts.of(r.body(), target.bearerToken()), target.sandbox(), false,
                java.util.Map.of("status", Integer.toString(r.code()), "latency-ms", Long.toString(r.millis())));
    }

    private void check(ActionSpec spec) {
        if (!spec.executor().equals(name()) || !operations().contains(spec.operation())) {
            throw new ActionException(Reason.INVALID, "probe.invalid.operation", HttpTargets.printable(spec.operation()));
        }
        if (spec.operation().equals("prometheus")) {
            PrometheusQueries.queries(spec);
            return;
        }
        if (spec.target().isEmpty()) {
            throw new ActionException(Reason.INVALID, "probe.invalid.no-service");
        }
        if (spec.operation().equals("request")) {
            method(spec);
            path(spec);
            body(spec);
            if (stateOf(spec) != null) {
                path(stateOf(spec));
            }
        } else if (spec.parameter("path") != null && !spec.parameter("path").isBlank()) {
            path(spec);
        }
    }

    private static String stateOf(ActionSpec spec) {
        String s = spec.parameter("state");
        return s == null || s.isBlank() ? null : s;
    }

    static String method(ActionSpec spec) {
        String m = spec.parameter("method") == null ? "GET" : spec.parameter("method").trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new ActionException(Reason.INVALID, "probe.invalid.method");
        }
        return m;
    }

    static String path(ActionSpec spec) {
        return path(spec.parameter("path"));
    }

    /** A path on the service: absolute, no scheme or host, no dot segments, no fragment. */
    static String path(String p) {
        if (p == null || !PATH.matcher(p).matches() || p.startsWith("//") || p.contains("/../") || p.endsWith("/..")
                || p.contains("/./") || p.contains("\\") || p.length() > 2000) {
            throw new ActionException(Reason.INVALID, "probe.invalid.path", HttpTargets.printable(String.valueOf(p)));
        }
        return p;
    }

    private String body(ActionSpec spec) {
        String b = spec.parameter("body");
        if (b == null || b.isBlank()) {
            return "";
        }
        try {
            JsonNode ignored = json.readTree(b);
        } catch (IOException e) {
            throw new ActionException(Reason.INVALID, "probe.invalid.body");
        }
        if (method(spec).equals("GET")) {
            throw new ActionException(Reason.INVALID, "probe.invalid.get-body");
        }
        return b;
    }
}
