package io.warroom.probe.internal;

import java.time.Duration;
import java.util.Map;

/** A resolved place to send requests to: a configured service, Prometheus, or their loopback sandbox. */
record HttpTarget(String name, String baseUrl, String bearerToken, Map<String, String> headers, Duration timeout, boolean sandbox) {
}
