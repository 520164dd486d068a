package io.warroom.shared;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refused inbound requests: every endpoint counts them under one metric, tagged by endpoint and reason,
 * and answers with a short JSON error that never echoes what was sent.
 */
public final class Rejections {

    public static final String METRIC = "warroom.inbound.rejected";

    private Rejections() {
    }

    public static void count(MeterRegistry meters, String endpoint, String reason) {
        meters.counter(METRIC, "endpoint", endpoint, "reason", reason).increment();
    }

    /** Counts the rejection and writes {@code {"error": error}} with {@code status}. */
    public static void answer(HttpServletResponse response, MeterRegistry meters, String endpoint, int status,
                              String reason, String error) throws IOException {
        count(meters, endpoint, reason);
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + error + "\"}");
    }
}
