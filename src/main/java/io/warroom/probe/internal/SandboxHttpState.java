package io.warroom.probe.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the sandbox gateway's admin API has been told: revoked keys, blocked IPs, open circuits. */
class SandboxHttpState {

    record Revocation(String id, String reason, Instant at) {
    }

    record Block(String ip, Instant until) {
    }

    record Circuit(String provider, Instant until) {
    }

    final Map<String, Revocation> revoked = new ConcurrentHashMap<>();
    final Map<String, Block> blocked = new ConcurrentHashMap<>();
    final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
}
