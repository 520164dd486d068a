package io.warroom.kubernetes.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
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
            throw new ActionException(Reason.INVALID, "a namespace is required (-n <namespace>); allowed: " + String.join(", ", allowed));
        }
        if (!isLabel(namespace)) {
            throw new ActionException(Reason.INVALID, "'" + printable(namespace) + "' is not a valid namespace name");
        }
        if (!allowed.contains(namespace)) {
            throw new ActionException(Reason.INVALID, "namespace " + namespace + " is not allowed; Warroom may act in: "
                    + String.join(", ", allowed));
        }
    }

    static void requireName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new ActionException(Reason.INVALID, "name the " + what);
        }
        if (!isSubdomain(name)) {
            throw new ActionException(Reason.INVALID, "'" + printable(name) + "' is not a valid " + what + " name "
                    + "(lower-case letters, digits, '-' and '.')");
        }
    }

    static void requireContainer(String container) {
        if (container != null && !isLabel(container)) {
            throw new ActionException(Reason.INVALID, "'" + printable(container) + "' is not a valid container name");
        }
    }

    /** User input echoed back in a message: bounded and without control characters. */
    static String printable(String s) {
        String cleaned = s.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
    }
}
