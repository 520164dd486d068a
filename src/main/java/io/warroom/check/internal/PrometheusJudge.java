package io.warroom.check.internal;

import io.warroom.action.ActionResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every series of the query is below {@code below} and/or above {@code above}. A query with no data fails
 * unless {@code noDataOk} (no traffic can be normal for an error rate at night). {@code unit} only changes
 * how values are shown: {@code percent} (0.001 → 0.1 %), {@code seconds} (0.2 → 200 ms), {@code number}.
 */
record PrometheusJudge(Double below, Double above, String unit, boolean noDataOk) implements Judge {

    static final String LABEL = "value";

    @Override
    public Verdict judge(ActionResult result, Instant now) {
        List<String> bad = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean noData = false;
        for (Map.Entry<String, String> e : result.facts().entrySet()) {
            if (!e.getKey().startsWith("value." + LABEL)) {
                continue;
            }
            String series = e.getKey().substring(("value." + LABEL).length());
            if (e.getValue().isEmpty()) {
                noData = true;
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(e.getValue());
            } catch (NumberFormatException ex) {
                bad.add(series + e.getValue());
                continue;
            }
            String shown = series + show(v);
            seen.add(shown);
            if (Double.isNaN(v) || (below != null && !(v < below)) || (above != null && !(v > above))) {
                bad.add(shown);
            }
        }
        if (seen.isEmpty() && bad.isEmpty()) {
            return noDataOk ? Verdict.ok("check.prometheus.no-data-ok") : Verdict.fail("check.prometheus.no-data");
        }
        if (!bad.isEmpty()) {
            return Verdict.fail("check.prometheus.failed", String.join(", ", bad), bound());
        }
        return Verdict.ok("check.prometheus.ok", String.join(", ", seen), bound());
    }

    /** {@code < 0.1 %}, {@code > 1}, {@code > 0 and < 200 ms}. */
    String bound() {
        List<String> parts = new ArrayList<>();
        if (above != null) {
            parts.add("> " + show(above));
        }
        if (below != null) {
            parts.add("< " + show(below));
        }
        return String.join(", ", parts);
    }

    String show(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return switch (unit == null ? "number" : unit) {
            case "percent" -> round(v * 100) + " %";
            case "seconds" -> round(v * 1000) + " ms";
            default -> round(v);
        };
    }

    private static String round(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
