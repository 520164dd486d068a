package io.warroom.incident.internal;

/** Kubernetes-style names: what a checklist command may act on. */
final class Names {

    private Names() {
    }

    static boolean isWorkload(String s) {
        return s != null && s.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    }
}
