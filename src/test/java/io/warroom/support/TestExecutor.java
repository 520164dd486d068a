package io.warroom.support;

import io.warroom.action.ActionException;
import io.warroom.action.ActionExecutor;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.action.Progress;
import io.warroom.action.RunAs;
import io.warroom.shared.Text;
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
    public Set<String> parameters(String operation) {
        return switch (operation) {
            case "scale" -> Set.of("replicas");
            case "revoke" -> Set.of("path", "body");
            default -> Set.of();
        };
    }

    /** A scale's preview pins the replicas it showed; {@link #execute} refuses if they moved since. */
    @Override
    public Preview preview(ActionSpec spec, RunAs runAs) {
        check(spec);
        if (spec.operation().equals("scale")) {
            int now = replicas.getOrDefault(spec.target(), 3);
            return new Preview(List.of(line("Replicas now", Integer.toString(now))),
                    List.of(line("Change", "replicas " + now + " → " + spec.parameter("replicas"))), Text.plain("accepted"), true,
                    Map.of("replicas", Integer.toString(now)));
        }
        return new Preview(List.of(), List.of(line("Request", "POST " + spec.parameter("path"))), null, false);
    }

    @Override
    public ActionResult execute(ActionSpec spec, RunAs runAs) {
        check(spec);
        String seen = spec.expected().get("replicas");
        if (seen != null && !seen.equals(Integer.toString(replicas(spec.target())))) {
            throw new ActionException(ActionException.Reason.CHANGED, Text.plain(spec.target() + " changed since it was approved: replicas "
                    + seen + " → " + replicas(spec.target())));
        }
        executions.add(new Execution(spec, runAs));
        return switch (spec.operation()) {
            case "scale" -> {
                replicas.put(spec.target(), Integer.parseInt(spec.parameter("replicas")));
                yield new ActionResult(Text.plain("scaled " + spec.target() + " to " + spec.parameter("replicas")), List.of(), "", true, true);
            }
            case "status" -> new ActionResult(Text.plain(spec.target() + " has " + replicas.getOrDefault(spec.target(), 3) + " replicas"),
                    List.of(line("Namespace", spec.namespace())), "NAME READY\n" + spec.target() + "-1 1/1\n", true, false);
            default -> new ActionResult(Text.plain("done " + spec.operation()), List.of(), "", false, false);
        };
    }

    @Override
    public Optional<Progress> progress(ActionSpec spec, RunAs runAs) {
        int n = progressCalls.incrementAndGet();
        return Optional.of(n < 2 ? new Progress(Progress.State.IN_PROGRESS, Text.plain("1 of " + spec.parameter("replicas") + " updated"), List.of())
                : new Progress(Progress.State.COMPLETE, Text.plain(spec.parameter("replicas") + " of " + spec.parameter("replicas") + " available"), List.of()));
    }

    /** Moves the world behind an approval's back (someone else scaled it). */
    public void setReplicas(String target, int n) {
        replicas.put(target, n);
    }

    private static Line line(String label, String value) {
        return new Line(Text.plain(label), Text.plain(value));
    }

    private static void check(ActionSpec spec) {
        if (spec.target().equals("missing")) {
            throw new ActionException(ActionException.Reason.NOT_FOUND, Text.plain("deployment missing not found in " + spec.namespace()));
        }
    }

    public List<Execution> executions(String target) {
        return executions.stream().filter(e -> e.spec().target().equals(target)).toList();
    }

    public int replicas(String target) {
        return replicas.getOrDefault(target, 3);
    }
}
