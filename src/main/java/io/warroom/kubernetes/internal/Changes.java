package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.action.RunAs;
import io.warroom.shared.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The change operations: restart, undo, scale, set-image, delete-pod. A preview reads the current state
 * with Warroom's own identity, pins it in the expected state and dry-runs the exact request as the identity
 * that will run it. Execution re-reads the target, refuses with what moved if it is no longer what the
 * approver saw, and sends that same request (conditional on the same state) as that identity.
 */
final class Changes {

    static final int MAX_REPLICAS = 1000;
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-zA-Z0-9._\\-/:@]{0,510}");

    private final KubeCalls calls;
    private final DeploymentChange deployments;
    private final PodDeletion pods;
    private final boolean sandbox;

    Changes(KubeCalls calls, Clock clock, boolean sandbox) {
        this.calls = calls;
        this.deployments = new DeploymentChange(calls, clock);
        this.pods = new PodDeletion(calls, this);
        this.sandbox = sandbox;
    }

    Preview preview(ActionSpec spec, RunAs runAs) {
        if (spec.operation().equals("delete-pod")) {
            return pods.preview(spec, runAs);
        }
        Deployment d = Deployments.require(calls, RunAs.bot(), spec.namespace(), spec.target());
        DeploymentChange.Plan plan = deployments.plan(spec, d, Observed.of(d));
        Text dryRun = dryRun(runAs, what(spec), c -> deployment(c, spec).dryRun().patch(PatchContext.of(PatchType.JSON), plan.patch()));
        return new Preview(current(d), plan.change(), dryRun, sandbox, plan.expected());
    }

    ActionResult execute(ActionSpec spec, RunAs runAs) {
        if (spec.operation().equals("delete-pod")) {
            return pods.execute(spec, runAs);
        }
        String ns = spec.namespace();
        String name = spec.target();
        Deployment d = Deployments.require(calls, RunAs.bot(), ns, name);
        // Approvals made before the expected state was recorded carry none: they run against what is there now.
        Map<String, String> expected = spec.expected().isEmpty() ? Observed.of(d) : spec.expected();
        Observed.require(d, expected);
        DeploymentChange.Plan plan = deployments.plan(spec, d, expected);
        send(runAs, spec, c -> deployment(c, spec).patch(PatchContext.of(PatchType.JSON), plan.patch()));
        var lines = new ArrayList<Line>(List.of(Line.of("kubernetes.line.deployment", ns + "/" + name),
                new Line(Text.of("kubernetes.line.run-as"), KubeCalls.identity(runAs))));
        lines.addAll(plan.change());
        Text summary = switch (spec.operation()) {
            case "scale" -> Text.of("kubernetes.result.scaled", name, ns, Deployments.desired(d), replicas(spec));
            case "set-image" -> Text.of("kubernetes.result.image-set", name, spec.parameter("container"), ns,
                    Deployments.containers(d).get(DeploymentChange.containerIndex(d, spec.parameter("container"))).getImage(),
                    spec.parameter("image"));
            case "restart" -> Text.of("kubernetes.result.restarting", name, ns, Deployments.desired(d));
            default -> Text.of("kubernetes.result.rolling-back", name, ns, plan.change().get(0).value());
        };
        return result(summary, lines, true);
    }

    /**
     * Sends a change once. A refusal because the object moved (a failed {@code test} operation, a conflict)
     * is reported as such; nothing is retried, since a change that may have reached the cluster must not run twice.
     */
    <T> T send(RunAs runAs, ActionSpec spec, Function<KubernetesClient, T> call) {
        return calls.once(runAs, what(spec), c -> {
            try {
                return call.apply(c);
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (KubeCalls.failedTest(e)) {
                    throw Observed.changed(spec.target(), spec.namespace(), List.of(Text.of("kubernetes.changed.while-applying")));
                }
                throw e;
            }
        });
    }

    static Text what(ActionSpec spec) {
        return Text.of("kubernetes.call." + spec.operation(), spec.target(), spec.namespace());
    }

    /** Checks the parameters of a change before anything is read. */
    static void validate(ActionSpec spec) {
        switch (spec.operation()) {
            case "scale" -> replicas(spec);
            case "set-image" -> {
                String container = spec.parameter("container");
                if (container == null || container.isBlank()) {
                    throw new ActionException(Reason.INVALID, "kubernetes.invalid.set-image-container");
                }
                Names.requireContainer(container);
                image(spec);
            }
            default -> {
            }
        }
    }

    boolean sandbox() {
        return sandbox;
    }

    ActionResult result(Text summary, List<Line> lines, boolean followable) {
        return new ActionResult(sandbox ? Text.of("kubernetes.sandboxed", summary) : summary, lines, "", sandbox, followable);
    }

    private List<Line> current(Deployment d) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("kubernetes.line.deployment", d.getMetadata().getNamespace() + "/" + d.getMetadata().getName()));
        lines.add(Line.of("kubernetes.line.replicas", Text.of("kubernetes.value.replicas", Deployments.desired(d), Deployments.readiness(d))));
        lines.add(Line.of("kubernetes.line.images", Deployments.images(Deployments.containers(d))));
        long revision = Deployments.revision(d);
        if (revision > 0) {
            lines.add(Line.of("kubernetes.line.revision", String.valueOf(revision)));
        }
        return lines;
    }

    /** The API server's verdict on the exact request, as the identity that will run it; never changes anything. */
    Text dryRun(RunAs runAs, Text what, Function<KubernetesClient, ?> call) {
        try {
            calls.run(runAs, Text.of("kubernetes.call.dry-run", what), call);
            return Text.of("kubernetes.dry-run.accepted", KubeCalls.identity(runAs));
        } catch (ActionException e) {
            return Text.of("kubernetes.dry-run.refused", e.text());
        }
    }

    private static io.fabric8.kubernetes.client.dsl.RollableScalableResource<Deployment> deployment(KubernetesClient c, ActionSpec spec) {
        return c.apps().deployments().inNamespace(spec.namespace()).withName(spec.target());
    }

    static int replicas(ActionSpec spec) {
        String value = spec.parameter("replicas");
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n >= 0 && n <= MAX_REPLICAS) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ActionException(Reason.INVALID, "kubernetes.invalid.replicas", MAX_REPLICAS);
    }

    static String image(ActionSpec spec) {
        String image = spec.parameter("image");
        if (image == null || !IMAGE.matcher(image).matches()) {
            throw new ActionException(Reason.INVALID, "kubernetes.invalid.image", Names.printable(String.valueOf(image)));
        }
        return image;
    }

    /** The pod's status as kubectl shows it, and the node it runs on. */
    static Text podState(Pod pod) {
        var statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.<io.fabric8.kubernetes.api.model.ContainerStatus>of() : pod.getStatus().getContainerStatuses();
        String status = PodsReport.status(pod, statuses);
        return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? Text.plain(status)
                : Text.of("kubernetes.value.pod-on-node", status, pod.getSpec().getNodeName());
    }
}
