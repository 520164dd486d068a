package io.warroom.probe.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The target's state an admin request is bound to. A catalog entry names a {@code state} path (a GET that
 * shows the key, the circuit, the block): the preview reads it and pins its ETag, or the SHA-256 of its body
 * when the service sends no ETag. Execution sends {@code If-Match} with the ETag, so the service itself
 * refuses a change to something that moved (412); without an ETag, Warroom reads the state again and
 * compares before sending, which leaves a window of one round trip.
 */
final class AdminState {

    static final String ETAG = "state.etag";
    static final String SHA256 = "state.sha256";

    private final HttpCalls calls;

    AdminState(HttpCalls calls) {
        this.calls = calls;
    }

    record Seen(HttpCalls.Response response, Map<String, String> expected) {
    }

    /** Reads the state for the preview; a state that cannot be read means nothing is requested. */
    Seen read(HttpTarget target, String path) {
        HttpCalls.Response r = calls.send(target, "GET", path, "");
        if (!r.ok()) {
            throw calls.failure("GET " + target.name() + " " + path, r, target);
        }
        return new Seen(r, r.etag() != null && !r.etag().isBlank() ? Map.of(ETAG, r.etag()) : Map.of(SHA256, sha256(r.body())));
    }

    /** Headers for the change, after checking what can only be checked here; refuses if the state moved. */
    Map<String, String> require(HttpTarget target, ActionSpec spec) {
        String etag = spec.expected().get(ETAG);
        if (etag != null) {
            return Map.of("If-Match", etag);
        }
        String hash = spec.expected().get(SHA256);
        String path = spec.parameter("state");
        if (hash != null && path != null) {
            HttpCalls.Response now = calls.send(target, "GET", path, "");
            if (!now.ok() || !Objects.equals(hash, sha256(now.body()))) {
                throw changed(target, path);
            }
        }
        return Map.of();
    }

    static ActionException changed(HttpTarget target, String path) {
        return new ActionException(Reason.CHANGED, "probe.changed", target.name(), path);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
