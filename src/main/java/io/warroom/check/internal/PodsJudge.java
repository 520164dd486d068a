package io.warroom.check.internal;

import io.warroom.action.ActionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every pod Running with all containers ready and at most {@code maxRestarts} restarts; pods that ran to
 * completion (Jobs) are fine. No pods at all fails: a namespace that should run services is empty.
 */
record PodsJudge(int maxRestarts) implements Judge {

    @Override
    public Verdict judge(ActionResult result, Instant now) {
        Map<String, String> f = result.facts();
        List<String> names = f.keySet().stream().filter(k -> k.startsWith("pod.") && k.endsWith(".phase"))
                .map(k -> k.substring(4, k.length() - ".phase".length())).sorted().toList();
        if (names.isEmpty()) {
            return Verdict.fail("check.pods.none");
        }
        List<String> problems = new ArrayList<>();
        int running = 0;
        for (String pod : names) {
            String phase = f.get("pod." + pod + ".phase");
            if ("Succeeded".equals(phase)) {
                continue;
            }
            running++;
            String status = f.get("pod." + pod + ".status");
            String ready = f.getOrDefault("pod." + pod + ".ready", "0/0");
            int restarts = Integer.parseInt(f.getOrDefault("pod." + pod + ".restarts", "0"));
            boolean allReady = ready.matches("(\\d+)/\\1") && !ready.startsWith("0/");
            if (!"Running".equals(status) || !allReady || restarts > maxRestarts) {
                problems.add(pod + ": " + status + ", " + ready + " ready, " + restarts + " restarts");
            }
        }
        if (problems.isEmpty()) {
            return Verdict.ok("check.pods.ok", running);
        }
        return Verdict.fail("check.pods.failed", problems.size(), running, String.join("; ", problems), maxRestarts);
    }
}
