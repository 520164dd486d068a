package io.warroom.action;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Exactly what will run: executor ({@code kubernetes}, {@code http}), operation ({@code scale}, ...),
 * cluster, namespace, target (deployment, pod, service name), parameters, and for an approved change the
 * state the approver saw ({@code expected}). An approval is bound to {@link #digest()}: if any part differs
 * at execution time, it does not run.
 */
public record ActionSpec(String executor, String operation, String cluster, String namespace, String target,
                         Map<String, String> parameters, Map<String, String> expected) {

    public ActionSpec {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(operation, "operation");
        cluster = cluster == null ? "" : cluster;
        namespace = namespace == null ? "" : namespace;
        target = target == null ? "" : target;
        parameters = parameters == null ? Map.of() : Map.copyOf(new TreeMap<>(parameters));
        expected = expected == null ? Map.of() : Map.copyOf(new TreeMap<>(expected));
    }

    public ActionSpec(String executor, String operation, String cluster, String namespace, String target,
                      Map<String, String> parameters) {
        this(executor, operation, cluster, namespace, target, parameters, Map.of());
    }

    /** This action bound to the state its preview showed (see {@link Preview#expected()}). */
    public ActionSpec expecting(Map<String, String> state) {
        return new ActionSpec(executor, operation, cluster, namespace, target, parameters, state);
    }

    /**
     * Canonical text: fixed field order, sorted parameters, length-prefixed so no two specs collide. The
     * expected state follows a '!' (an entry always starts with a digit), and only when there is one, so
     * digests of actions without it are what they always were.
     */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {executor, operation, cluster, namespace, target}) {
            sb.append(part.length()).append(':').append(part).append(';');
        }
        entries(sb, parameters);
        if (!expected.isEmpty()) {
            sb.append('!');
            entries(sb, expected);
        }
        return sb.toString();
    }

    private static void entries(StringBuilder sb, Map<String, String> map) {
        new TreeMap<>(map).forEach((k, v) ->
                sb.append(k.length()).append(':').append(k).append('=').append(v.length()).append(':').append(v).append(';'));
    }

    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /** One line a person can check: {@code kubernetes scale after-sales-prod/backend replicas=5}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(executor).append(' ').append(operation).append(' ');
        if (!namespace.isEmpty()) {
            sb.append(namespace).append('/');
        }
        sb.append(target);
        new TreeMap<>(parameters).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        if (!cluster.isEmpty()) {
            sb.append(" @").append(cluster);
        }
        return sb.toString();
    }
}
