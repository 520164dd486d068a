package io.warroom.kubernetes.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.shared.Text;
import java.util.Set;
import java.util.regex.Pattern;

/** Kubernetes name rules (DNS-1123) and the namespace allow-list, checked before any API call. */
final class Names {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    static boolean isLabel(String s) {
        return s != null && s.length() <= 63 && LABEL.matcher(s).matches();
    }

    static boolean isSubdomain(String s) {
        return s != null && s.length() <= 253 && SUBDOMAIN.matcher(s).matches();
    }

    static void requireNamespace(String namespace, Set<String> allowed) {
        if (namespace == null || namespace.isEmpty()) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.namespace-required", String.join(", ", allowed));
        }
        if (!isLabel(namespace)) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.namespace-name", printable(namespace));
        }
        if (!allowed.contains(namespace)) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.namespace-not-allowed", namespace,
                    String.join(", ", allowed));
        }
    }

    /** @param kind a key under {@code kubernetes.kind.} (deployment, pod, cronjob, workload) */
    static void requireName(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.name-required", Text.of("kubernetes.kind." + kind));
        }
        if (!isSubdomain(name)) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.name", printable(name), Text.of("kubernetes.kind." + kind));
        }
    }

    static void requireContainer(String container) {
        if (container != null && !isLabel(container)) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.container", printable(container));
        }
    }

    /** User input echoed back in a message: bounded and without control characters. */
    static String printable(String s) {
        String cleaned = s.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
    }
}
