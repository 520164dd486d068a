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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * The {@code http} executor: {@code request} (admin APIs of configured services), {@code probe} (health
 * checks) and {@code prometheus} (instant queries). Everything is validated before a request is sent.
 */
public class HttpExecutor implements ActionExecutor {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    private final HttpTargets targets;
    private final HttpCalls calls;
    private final PrometheusQueries prometheus;
    private final ObjectMapper json;

    public HttpExecutor(HttpTargets targets, OkHttpClient client, ObjectMapper json) {
        this.targets = targets;
        this.calls = new HttpCalls(client);
        this.prometheus = new PrometheusQueries(calls, json);
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
    public Preview preview(ActionSpec spec, RunAs runAs) {
        check(spec);
        if (!spec.operation().equals("request")) {
            return new Preview(List.of(new Line("read", spec.describe())), List.of(), "read-only: nothing changes",
                    spec.operation().equals("prometheus") ? targets.prometheus().sandbox() : targets.service(spec.target()).sandbox());
        }
        HttpTarget target = targets.service(spec.target());
        String method = method(spec);
        String body = body(spec);
        List<Line> change = new ArrayList<>(List.of(new Line("request", method + " " + target.baseUrl() + path(spec))));
        if (!body.isEmpty()) {
            change.add(new Line("body", Excerpts.of(body)));
        }
        return new Preview(List.of(new Line("service", target.name() + (target.sandbox() ? " (sandbox)" : "")),
                new Line("base URL", target.baseUrl())), change,
                "no dry run: an admin API call happens only when it runs", target.sandbox());
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
        HttpCalls.Response r = calls.send(target, method, path, body(spec));
        String what = method + " " + target.name() + " " + path;
        if (!r.ok()) {
            throw calls.failure(what, r, target);
        }
        String sandbox = target.sandbox() ? " (sandbox)" : "";
        String excerpt = Excerpts.of(r.body(), target.bearerToken());
        List<Line> lines = new ArrayList<>(List.of(new Line("status", r.code() + " " + r.message()),
                new Line("latency", r.millis() + " ms")));
        if (!excerpt.isEmpty()) {
            lines.add(new Line("response", excerpt));
        }
        return new ActionResult(what + " → " + r.code() + " " + r.message() + " in " + r.millis() + " ms" + sandbox,
                lines, excerpt, target.sandbox(), false);
    }

    /** A GET of the service's health path; anything but 2xx is an {@link ActionException}. Facts: {@code status}, {@code latency-ms}. */
    private ActionResult probe(ActionSpec spec) {
        HttpTarget target = targets.service(spec.target());
        String path = spec.parameter("path") == null || spec.parameter("path").isBlank() ? "/health" : path(spec);
        HttpCalls.Response r = calls.send(target, "GET", path, "");
        String sandbox = target.sandbox() ? " (sandbox)" : "";
        if (!r.ok()) {
            String excerpt = Excerpts.of(r.body(), target.bearerToken());
            throw new ActionException(r.code() >= 500 ? Reason.UNREACHABLE : Reason.FAILED, target.name() + " is unhealthy: GET " + path
                    + " answered " + r.code() + " " + r.message() + " in " + r.millis() + " ms" + (excerpt.isEmpty() ? "" : " — " + excerpt) + sandbox);
        }
        return new ActionResult(target.name() + " is healthy: GET " + path + " → " + r.code() + " " + r.message() + " in "
                + r.millis() + " ms" + sandbox,
                List.of(new Line("status", r.code() + " " + r.message()), new Line("latency", r.millis() + " ms"),
                        new Line("url", target.baseUrl() + path)),
                Excerpts.of(r.body(), target.bearerToken()), target.sandbox(), false,
                java.util.Map.of("status", Integer.toString(r.code()), "latency-ms", Long.toString(r.millis())));
    }

    private void check(ActionSpec spec) {
        if (!spec.executor().equals(name()) || !operations().contains(spec.operation())) {
            throw new ActionException(Reason.INVALID, "http has no operation '" + HttpTargets.printable(spec.operation())
                    + "' (operations: prometheus, probe, request)");
        }
        if (spec.operation().equals("prometheus")) {
            PrometheusQueries.queries(spec);
            return;
        }
        if (spec.target().isEmpty()) {
            throw new ActionException(Reason.INVALID, "name the HTTP service");
        }
        if (spec.operation().equals("request")) {
            method(spec);
            path(spec);
            body(spec);
        } else if (spec.parameter("path") != null && !spec.parameter("path").isBlank()) {
            path(spec);
        }
    }

    static String method(ActionSpec spec) {
        String m = spec.parameter("method") == null ? "GET" : spec.parameter("method").trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new ActionException(Reason.INVALID, "method must be one of GET, POST, PUT, PATCH, DELETE");
        }
        return m;
    }

    /** A path on the service: absolute, no scheme or host, no dot segments, no fragment. */
    static String path(ActionSpec spec) {
        String p = spec.parameter("path");
        if (p == null || !PATH.matcher(p).matches() || p.startsWith("//") || p.contains("/../") || p.endsWith("/..")
                || p.contains("/./") || p.contains("\\") || p.length() > 2000) {
            throw new ActionException(Reason.INVALID, "path must be an absolute path on the service like /admin/ip-blocks, not '"
                    + HttpTargets.printable(String.valueOf(p)) + "'");
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
            throw new ActionException(Reason.INVALID, "body must be JSON");
        }
        if (method(spec).equals("GET")) {
            throw new ActionException(Reason.INVALID, "a GET request has no body");
        }
        return b;
    }
}
