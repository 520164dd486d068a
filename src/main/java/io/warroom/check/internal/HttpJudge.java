package io.warroom.check.internal;

import io.warroom.action.ActionResult;
import java.time.Duration;
import java.time.Instant;

/** The probe answered 2xx (anything else already failed in the executor), within {@code maxLatency} if set. */
record HttpJudge(Duration maxLatency) implements Judge {

    @Override
    public Verdict judge(ActionResult result, Instant now) {
        long ms = Long.parseLong(result.facts().getOrDefault("latency-ms", "0"));
        String status = result.facts().getOrDefault("status", "200");
        if (maxLatency != null && ms > maxLatency.toMillis()) {
            return Verdict.fail("check.http.slow", status, ms, maxLatency.toMillis());
        }
        return Verdict.ok("check.http.ok", status, ms);
    }
}
