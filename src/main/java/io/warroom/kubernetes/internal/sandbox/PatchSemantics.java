package io.warroom.kubernetes.internal.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.function.Predicate;

/**
 * What fabric8's CRUD store gets wrong for the requests Warroom's changes make, answered the way a real API
 * server does: a JSON patch whose {@code test} operation fails is a 422 and changes nothing (the store would
 * throw and never answer), and {@code dryRun=All} is validated and answered without being stored (the store
 * would apply it). Everything else passes through.
 */
final class PatchSemantics {

    private final Dispatcher next;
    private final Predicate<RecordedRequest> scripted;

    /** @param scripted requests a test has given an explicit answer to: those are left to it */
    PatchSemantics(Dispatcher next, Predicate<RecordedRequest> scripted) {
        this.next = next;
        this.scripted = scripted;
    }

    MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if (scripted.test(request)) {
            return next.dispatch(request);
        }
        boolean dryRun = path.contains("dryRun=All");
        boolean jsonPatch = "PATCH".equals(request.getMethod()) && String.valueOf(request.getHeader("Content-Type")).contains("json-patch");
        if (!dryRun && !jsonPatch) {
            return next.dispatch(request);
        }
        String objectPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        MockResponse current = next.dispatch(new RecordedRequest("GET " + objectPath + " HTTP/1.1", HttpMethod.GET, objectPath,
                Headers.builder().build(), new Buffer()));
        if (current.code() != 200) {
            return current;
        }
        String object = current.getBody().readUtf8();
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
        JsonNode result;
        try {
            result = jsonPatch ? JsonPatch.apply(Serialization.jsonMapper().readTree(body), Serialization.jsonMapper().readTree(object))
                    : Serialization.jsonMapper().readTree(object);
        } catch (RuntimeException | java.io.IOException e) {
            return SandboxDispatcher.status(422, "Invalid", String.valueOf(e.getMessage()).replace("[TEST Operation]", "test failed:"));
        }
        if (dryRun) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(result.toString());
        }
        // Passed: the store applies the same patch (its own copy of the body, which was read above).
        return next.dispatch(new RecordedRequest(request.getRequestLine(), request.method(), path, request.getHeaders(),
                new Buffer(body)));
    }
}
