package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.action.RunAs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The change operations: restart, undo, scale, set-image, delete-pod. Their previews read the current
 * state with Warroom's own identity and dry-run the change as the identity that will run it; the changes
 * themselves run as that identity.
 */
final class Changes {

    static final int MAX_REPLICAS = 1000;
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-zA-Z0-9._\\-/:@]{0,510}");
    private static final String NO_SANDBOX_DRY_RUN = "not available in the sandbox";

    private final KubeCalls calls;
    private final Clock clock;
    private final boolean sandbox;

    Changes(KubeCalls calls, Clock clock, boolean sandbox) {
        this.calls = calls;
        this.clock = clock;
        this.sandbox = sandbox;
    }

    Preview preview(ActionSpec spec, RunAs runAs) {
        String ns = spec.namespace();
        String name = spec.target();
        if (spec.operation().equals("delete-pod")) {
            Pod pod = Deployments.requirePod(calls, RunAs.bot(), ns, name);
            String state = podState(pod);
            return new Preview(List.of(new Line("pod", ns + "/" + name), new Line("state", state), new Line("owner", owner(pod))),
                    List.of(new Line("delete pod", name + " (" + state + ")")),
                    dryRun(runAs, "delete pod " + name, c -> c.pods().inNamespace(ns).withName(name).dryRun().delete()), sandbox);
        }
        Deployment d = Deployments.require(calls, RunAs.bot(), ns, name);
        List<Line> current = current(d);
        return switch (spec.operation()) {
            case "scale" -> {
                int replicas = replicas(spec);
                yield new Preview(current, List.of(new Line("replicas", Deployments.desired(d) + " → " + replicas)),
                        dryRun(runAs, "scale " + name, c -> c.apps().deployments().inNamespace(ns).withName(name).dryRun()
                                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}")), sandbox);
            }
            case "set-image" -> {
                String container = spec.parameter("container");
                String image = image(spec);
                int index = containerIndex(d, container);
                String from = Deployments.containers(d).get(index).getImage();
                String patch = "[{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/" + index + "/name\",\"value\":"
                        + Serialization.asJson(container) + "},{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/" + index
                        + "/image\",\"value\":" + Serialization.asJson(image) + "}]";
                yield new Preview(current, List.of(new Line("image " + container, from + " → " + image)),
                        dryRun(runAs, "set image on " + name, c -> c.apps().deployments().inNamespace(ns).withName(name).dryRun()
                                .patch(PatchContext.of(PatchType.JSON), patch)), sandbox);
            }
            case "restart" -> {
                String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":"
                        + Serialization.asJson(clock.instant().toString()) + "}}}}}";
                yield new Preview(current, List.of(new Line("restart", "rolling restart: " + Deployments.desired(d)
                        + " pods replaced one by one, images unchanged (" + Deployments.images(Deployments.containers(d)) + ")")),
                        dryRun(runAs, "restart " + name, c -> c.apps().deployments().inNamespace(ns).withName(name).dryRun()
                                .patch(PatchContext.of(PatchType.JSON_MERGE), patch)), sandbox);
            }
            case "undo" -> {
                ReplicaSet previous = previous(d);
                String template = "{\"spec\":{\"template\":" + Serialization.asJson(previous.getSpec().getTemplate()) + "}}";
                yield new Preview(current, List.of(new Line("rollback", describe(previous))),
                        dryRun(runAs, "roll back " + name, c -> c.apps().deployments().inNamespace(ns).withName(name).dryRun()
                                .patch(PatchContext.of(PatchType.JSON_MERGE), template)), sandbox);
            }
            default -> throw new ActionException(Reason.INVALID, "no preview for operation " + spec.operation());
        };
    }

    ActionResult execute(ActionSpec spec, RunAs runAs) {
        String ns = spec.namespace();
        String name = spec.target();
        String who = KubeCalls.identity(runAs);
        if (spec.operation().equals("delete-pod")) {
            Pod pod = Deployments.requirePod(calls, RunAs.bot(), ns, name);
            String state = podState(pod);
            var deleted = calls.run(runAs, "deleting pod " + name + " in " + ns, c -> c.pods().inNamespace(ns).withName(name).delete());
            if (deleted == null || deleted.isEmpty()) {
                throw new ActionException(Reason.NOT_FOUND, "pod " + name + " not found in namespace " + ns);
            }
            return result("deleted pod " + name + " in " + ns + " (was " + state + "); " + owner(pod),
                    List.of(new Line("pod", ns + "/" + name), new Line("was", state), new Line("run as", who)), false);
        }
        Deployment d = Deployments.require(calls, RunAs.bot(), ns, name);
        var lines = new ArrayList<Line>(List.of(new Line("deployment", ns + "/" + name), new Line("run as", who)));
        switch (spec.operation()) {
            case "scale" -> {
                int replicas = replicas(spec);
                calls.run(runAs, "scaling " + name + " in " + ns, c -> c.apps().deployments().inNamespace(ns).withName(name).scale(replicas));
                lines.add(new Line("replicas", Deployments.desired(d) + " → " + replicas));
                return result("scaled " + name + " in " + ns + ": replicas " + Deployments.desired(d) + " → " + replicas, lines, true);
            }
            case "set-image" -> {
                String container = spec.parameter("container");
                String image = image(spec);
                String from = Deployments.containers(d).get(containerIndex(d, container)).getImage();
                calls.run(runAs, "setting the image of " + name + " in " + ns,
                        c -> c.apps().deployments().inNamespace(ns).withName(name).updateImage(Map.of(container, image)));
                lines.add(new Line("image " + container, from + " → " + image));
                return result("set image of " + name + "/" + container + " in " + ns + ": " + from + " → " + image, lines, true);
            }
            case "restart" -> {
                calls.run(runAs, "restarting " + name + " in " + ns, c -> c.apps().deployments().inNamespace(ns).withName(name).rolling().restart());
                lines.add(new Line("restart", "rolling restart of " + Deployments.desired(d) + " pods started"));
                return result("restarting " + name + " in " + ns + " (rolling restart of " + Deployments.desired(d) + " pods)", lines, true);
            }
            case "undo" -> {
                ReplicaSet previous = previous(d);
                calls.run(runAs, "rolling back " + name + " in " + ns, c -> c.apps().deployments().inNamespace(ns).withName(name).rolling().undo());
                lines.add(new Line("rollback", describe(previous)));
                return result("rolling back " + name + " in " + ns + " " + describe(previous), lines, true);
            }
            default -> throw new ActionException(Reason.INVALID, "unknown operation " + spec.operation());
        }
    }

    /** Checks the parameters of a change before anything is read. */
    static void validate(ActionSpec spec) {
        switch (spec.operation()) {
            case "scale" -> replicas(spec);
            case "set-image" -> {
                String container = spec.parameter("container");
                if (container == null || container.isBlank()) {
                    throw new ActionException(Reason.INVALID, "set-image needs a container (container=image)");
                }
                Names.requireContainer(container);
                image(spec);
            }
            default -> {
            }
        }
    }

    private ActionResult result(String summary, List<Line> lines, boolean followable) {
        return new ActionResult(summary + (sandbox ? " (sandbox)" : ""), lines, "", sandbox, followable);
    }

    private List<Line> current(Deployment d) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("deployment", d.getMetadata().getNamespace() + "/" + d.getMetadata().getName()));
        lines.add(new Line("replicas", Deployments.desired(d) + " (" + Deployments.readiness(d) + ")"));
        lines.add(new Line("images", Deployments.images(Deployments.containers(d))));
        long revision = Deployments.revision(d);
        if (revision > 0) {
            lines.add(new Line("revision", String.valueOf(revision)));
        }
        return lines;
    }

    private String dryRun(RunAs runAs, String what, Function<io.fabric8.kubernetes.client.KubernetesClient, ?> call) {
        if (sandbox) {
            return NO_SANDBOX_DRY_RUN;
        }
        try {
            calls.run(runAs, "dry run of " + what, call);
            return "accepted by the API server as " + KubeCalls.identity(runAs);
        } catch (ActionException e) {
            return "refused: " + e.reason().name().toLowerCase(java.util.Locale.ROOT) + " — " + e.getMessage();
        }
    }

    private ReplicaSet previous(Deployment d) {
        List<ReplicaSet> sets = calls.run(RunAs.bot(), "listing ReplicaSets of " + d.getMetadata().getName(),
                c -> Deployments.replicaSets(c, d));
        if (sets.size() < 2) {
            throw new ActionException(Reason.INVALID, "deployment " + d.getMetadata().getName() + " in "
                    + d.getMetadata().getNamespace() + " has no previous revision to roll back to");
        }
        return sets.get(1);
    }

    private static String describe(ReplicaSet previous) {
        return "to revision " + Deployments.revision(previous) + " (image "
                + Deployments.images(previous.getSpec().getTemplate().getSpec().getContainers()) + ")";
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
        throw new ActionException(Reason.INVALID, "replicas must be a whole number from 0 to " + MAX_REPLICAS);
    }

    static String image(ActionSpec spec) {
        String image = spec.parameter("image");
        if (image == null || !IMAGE.matcher(image).matches()) {
            throw new ActionException(Reason.INVALID, "'" + Names.printable(String.valueOf(image))
                    + "' is not an image reference like registry.example.com/team/app:1.2.3");
        }
        return image;
    }

    private static int containerIndex(Deployment d, String container) {
        List<Container> containers = Deployments.containers(d);
        for (int i = 0; i < containers.size(); i++) {
            if (container.equals(containers.get(i).getName())) {
                return i;
            }
        }
        throw new ActionException(Reason.INVALID, "deployment " + d.getMetadata().getName() + " has no container '"
                + container + "' (containers: " + Deployments.containerNames(d) + ")");
    }

    private static String podState(Pod pod) {
        var statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.<io.fabric8.kubernetes.api.model.ContainerStatus>of() : pod.getStatus().getContainerStatuses();
        String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : ", node " + pod.getSpec().getNodeName();
        return PodsReport.status(pod, statuses) + node;
    }

    private static String owner(Pod pod) {
        var owners = pod.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return "no controller: it will NOT be recreated";
        }
        var o = owners.get(0);
        return "recreated by its " + o.getKind() + " " + o.getName();
    }
}
