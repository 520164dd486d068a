package io.warroom.support;

import io.warroom.action.ActionException;
import io.warroom.action.ActionExecutor;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.action.Progress;
import io.warroom.action.RunAs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor that keeps a tiny world (replicas per target) and records every execution, so tests can
 * count how often an approved action really ran and with which identity.
 */
public class TestExecutor implements ActionExecutor {

    public record Execution(ActionSpec spec, RunAs runAs) {
    }

    private final Map<String, Integer> replicas = new ConcurrentHashMap<>();
    private final List<Execution> executions = new CopyOnWriteArrayList<>();
    private final AtomicInteger progressCalls = new AtomicInteger();

    @Override
    public String name() {
        return "test";
    }

    @Override
    public Set<String> operations() {
        return Set.of("scale", "revoke", "status");
    }

    @Override
    public Preview preview(ActionSpec spec, RunAs runAs) {
        check(spec);
        if (spec.operation().equals("scale")) {
            int now = replicas.getOrDefault(spec.target(), 3);
            return new Preview(List.of(new Line("Replicas now", Integer.toString(now))),
                    List.of(new Line("Change", "replicas " + now + " → " + spec.parameter("replicas"))), "accepted", true);
        }
        return new Preview(List.of(), List.of(new Line("Request", "POST " + spec.parameter("path"))), null, false);
    }

    @Override
    public ActionResult execute(ActionSpec spec, RunAs runAs) {
        check(spec);
        executions.add(new Execution(spec, runAs));
        return switch (spec.operation()) {
            case "scale" -> {
                replicas.put(spec.target(), Integer.parseInt(spec.parameter("replicas")));
                yield new ActionResult("scaled " + spec.target() + " to " + spec.parameter("replicas"), List.of(), "", true, true);
            }
            case "status" -> new ActionResult(spec.target() + " has " + replicas.getOrDefault(spec.target(), 3) + " replicas",
                    List.of(new Line("Namespace", spec.namespace())), "NAME READY\n" + spec.target() + "-1 1/1\n", true, false);
            default -> new ActionResult("done " + spec.operation(), List.of(), "", false, false);
        };
    }

    @Override
    public Optional<Progress> progress(ActionSpec spec, RunAs runAs) {
        int n = progressCalls.incrementAndGet();
        return Optional.of(n < 2 ? new Progress(Progress.State.IN_PROGRESS, "1 of " + spec.parameter("replicas") + " updated", List.of())
                : new Progress(Progress.State.COMPLETE, spec.parameter("replicas") + " of " + spec.parameter("replicas") + " available", List.of()));
    }

    private static void check(ActionSpec spec) {
        if (spec.target().equals("missing")) {
            throw new ActionException(ActionException.Reason.NOT_FOUND, "deployment missing not found in " + spec.namespace());
        }
    }

    public List<Execution> executions(String target) {
        return executions.stream().filter(e -> e.spec().target().equals(target)).toList();
    }

    public int replicas(String target) {
        return replicas.getOrDefault(target, 3);
    }
}
