package io.warroom.probe.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/** Finds the service a spec names: configured ones, or the sandbox's gateway/backend/Prometheus on loopback. */
class HttpTargets {

    static final Set<String> SANDBOX_SERVICES = Set.of("gateway", "backend");

    private final HttpProperties properties;
    private final IntSupplier localPort;

    HttpTargets(HttpProperties properties, IntSupplier localPort) {
        this.properties = properties;
        this.localPort = localPort;
    }

    HttpTarget service(String name) {
        var service = properties.services().get(name);
        if (service != null) {
            return new HttpTarget(name, trim(service.baseUrl()), service.bearerToken(), service.headers(), service.timeout(), false);
        }
        if (properties.sandboxActive() && SANDBOX_SERVICES.contains(name)) {
            return new HttpTarget(name, sandboxBase() + "/sandbox/http/" + name, null, Map.of(), HttpProperties.DEFAULT_TIMEOUT, true);
        }
        var known = new java.util.TreeSet<>(properties.services().keySet());
        if (properties.sandboxActive()) {
            known.addAll(SANDBOX_SERVICES);
        }
        throw known.isEmpty() ? new ActionException(Reason.INVALID, "probe.invalid.no-services", printable(name))
                : new ActionException(Reason.INVALID, "probe.invalid.unknown-service", printable(name), String.join(", ", known));
    }

    HttpTarget prometheus() {
        var p = properties.prometheus();
        if (p.baseUrl() != null) {
            return new HttpTarget("prometheus", trim(p.baseUrl()), p.bearerToken(), Map.of(), p.timeout(), false);
        }
        if (properties.sandboxActive()) {
            return new HttpTarget("prometheus", sandboxBase() + "/sandbox/prometheus", null, Map.of(), HttpProperties.DEFAULT_TIMEOUT, true);
        }
        throw new ActionException(Reason.INVALID, "probe.invalid.no-prometheus");
    }

    private String sandboxBase() {
        int port = localPort.getAsInt();
        if (port <= 0) {
            throw new ActionException(Reason.UNREACHABLE, "probe.error.sandbox-not-served");
        }
        return "http://127.0.0.1:" + port;
    }

    private static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static String printable(String s) {
        String c = s.replaceAll("\\p{Cntrl}", "?");
        return c.length() > 80 ? c.substring(0, 80) + "…" : c;
    }
}
