package io.warroom.kubernetes.internal.sandbox;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pod logs for the sandbox: the CRUD store cannot serve {@code pods/{name}/log}, and fixed expectations
 * would need one exact path per combination of since/tail/previous. This answers any combination from
 * {@link SandboxLogs} for pods that exist (or none, for a cluster without them); changes go through
 * {@link PatchSemantics}, everything else to fabric8's CRUD dispatcher.
 */
final class SandboxDispatcher extends Dispatcher {

    private static final Pattern LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(\\?.*)?");

    private final Dispatcher crud;
    private final SandboxLogs logs;
    private final PatchSemantics patches;

    SandboxDispatcher(Dispatcher crud, SandboxLogs logs, java.util.function.Predicate<RecordedRequest> scripted) {
        this.crud = crud;
        this.logs = logs;
        this.patches = new PatchSemantics(crud, scripted);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher m = LOG.matcher(request.getPath());
        if (!"GET".equals(request.getMethod()) || !m.matches() || logs == null) {
            return patches.dispatch(request);
        }
        String ns = m.group(1);
        String pod = m.group(2);
        String podPath = "/api/v1/namespaces/" + ns + "/pods/" + pod;
        MockResponse found = crud.dispatch(new RecordedRequest("GET " + podPath + " HTTP/1.1", HttpMethod.GET, podPath,
                Headers.builder().build(), new Buffer()));
        if (found.code() != 200) {
            return status(404, "NotFound", "pods \"" + pod + "\" not found");
        }
        Map<String, String> q = query(m.group(3));
        boolean previous = "true".equals(q.get("previous"));
        String container = q.get("container");
        var podObject = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(found.getBody().readUtf8(),
                io.fabric8.kubernetes.api.model.Pod.class);
        SandboxLogs.Result result = logs.lines(podObject, container, previous, integer(q.get("sinceSeconds")),
                integer(q.get("tailLines")));
        if (result.error() != null) {
            return status(400, "BadRequest", result.error());
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(result.text());
    }

    static MockResponse status(int code, String reason, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                + io.fabric8.kubernetes.client.utils.Serialization.asJson(message) + ",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> result = new HashMap<>();
        if (q == null || q.length() < 2) {
            return result;
        }
        for (String pair : q.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            result.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return result;
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }
}
