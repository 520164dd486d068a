package io.warroom.probe.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.shared.Durations;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's stand-ins for the gateway runbook's admin API and for Prometheus, answering on loopback
 * under {@code /sandbox}. They keep state in memory so a revoked key stays revoked until restart.
 */
@RestController
class SandboxHttpController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SandboxHttpState state;
    private final Clock clock;

    SandboxHttpController(SandboxHttpState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @GetMapping({"/sandbox/http/{service}/health", "/sandbox/http/{service}/actuator/health", "/sandbox/http/{service}/ready"})
    ResponseEntity<Map<String, Object>> health(@PathVariable String service) {
        if (!HttpTargets.SANDBOX_SERVICES.contains(service)) {
            return error(HttpStatus.NOT_FOUND, "no sandbox service " + service);
        }
        return ResponseEntity.ok(Map.of("status", "ok", "service", service, "sandbox", true));
    }

    /** An API key's state, with an ETag a change can be made conditional on. */
    @GetMapping("/sandbox/http/gateway/admin/apikeys/{id}")
    ResponseEntity<Map<String, Object>> apiKey(@PathVariable String id) {
        if (!ID.matcher(id).matches()) {
            return error(HttpStatus.BAD_REQUEST, "invalid API key id");
        }
        var revoked = state.revoked.get(id);
        Map<String, Object> key = revoked == null ? Map.of("id", id, "status", "active", "sandbox", true)
                : Map.of("id", id, "status", "revoked", "revokedAt", revoked.at().toString(), "sandbox", true);
        return ResponseEntity.ok().eTag(etag(key)).body(key);
    }

    @PostMapping("/sandbox/http/gateway/admin/apikeys/{id}/revoke")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (!ID.matcher(id).matches()) {
            return error(HttpStatus.BAD_REQUEST, "invalid API key id");
        }
        if (ifMatch != null && !ifMatch.equals(apiKey(id).getHeaders().getETag())) {
            return error(HttpStatus.PRECONDITION_FAILED, "API key " + id + " changed since " + ifMatch);
        }
        String reason = body == null ? "" : body.path("reason").asText("");
        var previous = state.revoked.putIfAbsent(id, new SandboxHttpState.Revocation(id, reason, clock.instant()));
        if (previous != null) {
            return error(HttpStatus.CONFLICT, "API key " + id + " was already revoked at " + previous.at());
        }
        return ResponseEntity.ok(Map.of("id", id, "status", "revoked", "reason", reason, "sandbox", true));
    }

    @PostMapping("/sandbox/http/gateway/admin/ip-blocks")
    ResponseEntity<Map<String, Object>> block(@RequestBody(required = false) JsonNode body) {
        String ip = body == null ? "" : body.path("ip").asText("");
        Duration ttl = ttl(body);
        if (!isIp(ip) || ttl == null) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "need {\"ip\": an IPv4/IPv6 address, \"ttl\": like 24h}");
        }
        Instant until = clock.instant().plus(ttl);
        state.blocked.put(ip, new SandboxHttpState.Block(ip, until));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ip", ip, "blockedUntil", until.toString(), "sandbox", true));
    }

    /** A circuit's state, with an ETag. */
    @GetMapping("/sandbox/http/gateway/admin/circuits/{provider}")
    ResponseEntity<Map<String, Object>> circuit(@PathVariable String provider) {
        if (!ID.matcher(provider).matches()) {
            return error(HttpStatus.BAD_REQUEST, "invalid provider name");
        }
        var open = state.circuits.get(provider);
        Map<String, Object> circuit = open == null || !open.until().isAfter(clock.instant())
                ? Map.of("provider", provider, "state", "CLOSED", "sandbox", true)
                : Map.of("provider", provider, "state", "OPEN", "until", open.until().toString(), "sandbox", true);
        return ResponseEntity.ok().eTag(etag(circuit)).body(circuit);
    }

    @PostMapping("/sandbox/http/gateway/admin/circuits/{provider}/open")
    ResponseEntity<Map<String, Object>> openCircuit(@PathVariable String provider, @RequestBody(required = false) JsonNode body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Duration ttl = ttl(body);
        if (!ID.matcher(provider).matches() || ttl == null) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "need a provider name and {\"ttl\": like 5m}");
        }
        if (ifMatch != null && !ifMatch.equals(circuit(provider).getHeaders().getETag())) {
            return error(HttpStatus.PRECONDITION_FAILED, "circuit " + provider + " changed since " + ifMatch);
        }
        Instant until = clock.instant().plus(ttl);
        state.circuits.put(provider, new SandboxHttpState.Circuit(provider, until));
        return ResponseEntity.ok(Map.of("provider", provider, "state", "OPEN", "until", until.toString(), "sandbox", true));
    }

    @GetMapping("/sandbox/http/gateway/admin/state")
    Map<String, Object> adminState() {
        Instant now = clock.instant();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("revokedKeys", state.revoked.keySet().stream().sorted().toList());
        result.put("blockedIps", state.blocked.values().stream().filter(b -> b.until().isAfter(now)).map(b -> b.ip()).sorted().toList());
        result.put("openCircuits", state.circuits.values().stream().filter(c -> c.until().isAfter(now)).map(c -> c.provider()).sorted().toList());
        result.put("sandbox", true);
        return result;
    }

    /**
     * Plausible instant-query answers for a healthy service, inside the runbooks' thresholds: latency
     * quantiles 0.12-0.18 s, error ratios ~0.04 %, CPU 35-55 %, memory 55-70 %, disk 40-60 %, rates ~350/s,
     * else 1.
     */
    @GetMapping("/sandbox/prometheus/api/v1/query")
    Map<String, Object> query(@RequestParam("query") String query) {
        if (query.isBlank() || query.chars().filter(c -> c == '(').count() != query.chars().filter(c -> c == ')').count()) {
            return Map.of("status", "error", "errorType", "bad_data", "error", "parse error: unbalanced parentheses");
        }
        double jitter = (Math.floorMod(query.hashCode() + clock.instant().getEpochSecond() / 30, 100)) / 100.0;
        double value;
        if (query.contains("quantile")) {
            value = 0.12 + 0.06 * jitter;
        } else if (query.contains("5..") || query.contains("error")) {
            value = 0.0002 + 0.0004 * jitter;
        } else if (query.contains("cpu")) {
            value = 0.35 + 0.2 * jitter;
        } else if (query.contains("memory")) {
            value = 0.55 + 0.15 * jitter;
        } else if (query.contains("filesystem")) {
            value = 0.4 + 0.2 * jitter;
        } else if (query.contains("rate(")) {
            value = 300 + 120 * jitter;
        } else {
            value = 1;
        }
        double now = clock.instant().toEpochMilli() / 1000.0;
        return Map.of("status", "success", "data", Map.of("resultType", "vector", "result",
                List.of(Map.of("metric", Map.of("sandbox", "true"), "value", List.of(now, String.valueOf(value))))));
    }

    private static Duration ttl(JsonNode body) {
        return Durations.parse(body == null ? "" : body.path("ttl").asText("")).filter(d -> !d.isZero()).orElse(null);
    }

    /** A strong ETag from the state's content: any change to it gives another one. */
    private static String etag(Map<String, Object> state) {
        return "\"" + Integer.toHexString(new java.util.TreeMap<>(state).toString().hashCode()) + "\"";
    }

    private static boolean isIp(String ip) {
        if (!ip.matches("[0-9.]{7,15}|[0-9A-Fa-f:]{2,39}")) {
            return false; // only literals: never a DNS lookup
        }
        try {
            InetAddress.getByName(ip);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message, "sandbox", true));
    }
}
