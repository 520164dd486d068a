package io.warroom.probe.internal;

import io.warroom.shared.ConfigurationProblem;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code warroom.http.*}: named services (base URL, bearer token from the environment, extra headers,
 * timeout), the Prometheus to query, and whether the loopback sandbox stands in ({@code auto}: when no
 * services are configured). Tokens are never part of {@link #toString()}.
 */
@ConfigurationProperties("warroom.http")
public record HttpProperties(Map<String, Service> services, Prometheus prometheus, SandboxMode sandbox) {

    public enum SandboxMode { AUTO, ON, OFF }

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpProperties {
        services = services == null ? Map.of() : Map.copyOf(new TreeMap<>(services));
        prometheus = prometheus == null ? new Prometheus(null, null, null) : prometheus;
        sandbox = sandbox == null ? SandboxMode.AUTO : sandbox;
        services.forEach((name, service) -> {
            if (!NAME.matcher(name).matches()) {
                throw new ConfigurationProblem("warroom.http.services: '" + name + "' is not a valid service name (lower-case letters, digits, '-')");
            }
            if (service == null || service.baseUrl() == null) {
                throw new ConfigurationProblem("warroom.http.services." + name + ".base-url is required");
            }
            checkUrl("warroom.http.services." + name + ".base-url", service.baseUrl());
            service.headers().keySet().forEach(h -> {
                if (!HEADER.matcher(h).matches() || h.equalsIgnoreCase("authorization")) {
                    throw new ConfigurationProblem("warroom.http.services." + name + ".headers: '" + h
                            + "' is not allowed (use bearer-token for Authorization)");
                }
            });
        });
        if (prometheus.baseUrl() != null) {
            checkUrl("warroom.http.prometheus.base-url", prometheus.baseUrl());
        }
    }

    /** The sandbox stands in when asked to, or (auto) when no service is configured. */
    public boolean sandboxActive() {
        return sandbox == SandboxMode.ON || (sandbox == SandboxMode.AUTO && services.isEmpty());
    }

    static void checkUrl(String key, String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblem(key + " must be an http(s) URL without credentials, query or fragment");
        }
    }

    public record Service(String baseUrl, String bearerToken, Map<String, String> headers, Duration timeout) {
        public Service {
            baseUrl = blankToNull(baseUrl);
            bearerToken = blankToNull(bearerToken);
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            timeout = positive(timeout);
        }

        @Override
        public String toString() {
            return "Service[baseUrl=" + baseUrl + ", bearerToken=" + (bearerToken == null ? "none" : "***")
                    + ", headers=" + headers.keySet() + ", timeout=" + timeout + "]";
        }
    }

    public record Prometheus(String baseUrl, String bearerToken, Duration timeout) {
        public Prometheus {
            baseUrl = blankToNull(baseUrl);
            bearerToken = blankToNull(bearerToken);
            timeout = positive(timeout);
        }

        @Override
        public String toString() {
            return "Prometheus[baseUrl=" + baseUrl + ", bearerToken=" + (bearerToken == null ? "none" : "***") + ", timeout=" + timeout + "]";
        }
    }

    private static Duration positive(Duration d) {
        if (d == null) {
            return DEFAULT_TIMEOUT;
        }
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigurationProblem("warroom.http timeouts must be between 1ms and 5m, not " + d);
        }
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
