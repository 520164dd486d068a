package io.warroom.probe.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's stand-ins for the gateway runbook's admin API and for Prometheus, answering on loopback
 * under {@code /sandbox}. They keep state in memory so a revoked key stays revoked until restart.
 */
@RestController
class SandboxHttpController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TTL = Pattern.compile("(\\d{1,6})([smhd])");

    private final SandboxHttpState state;
    private final Clock clock;

    SandboxHttpController(SandboxHttpState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @GetMapping("/sandbox/http/{service}/health")
    ResponseEntity<Map<String, Object>> health(@PathVariable String service) {
        if (!HttpTargets.SANDBOX_SERVICES.contains(service)) {
            return error(HttpStatus.NOT_FOUND, "no sandbox service " + service);
        }
        return ResponseEntity.ok(Map.of("status", "ok", "service", service, "sandbox", true));
    }

    @PostMapping("/sandbox/http/gateway/admin/apikeys/{id}/revoke")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        if (!ID.matcher(id).matches()) {
            return error(HttpStatus.BAD_REQUEST, "invalid API key id");
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

    @PostMapping("/sandbox/http/gateway/admin/circuits/{provider}/open")
    ResponseEntity<Map<String, Object>> openCircuit(@PathVariable String provider, @RequestBody(required = false) JsonNode body) {
        Duration ttl = ttl(body);
        if (!ID.matcher(provider).matches() || ttl == null) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "need a provider name and {\"ttl\": like 5m}");
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
        String ttl = body == null ? "" : body.path("ttl").asText("");
        var m = TTL.matcher(ttl);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return ttl.isEmpty() ? null : Duration.parse(ttl);
        } catch (DateTimeParseException e) {
            return null;
        }
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
