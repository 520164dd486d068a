package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.RunAs;
import io.warroom.shared.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change to a deployment as the exact request that runs: a JSON patch that first tests the uid and
 * generation the approver saw, then changes what the command says. The preview dry-runs this request and
 * execution sends the same bytes, so a deployment that moved in between is refused by the API server
 * itself, atomically. What the change depends on beyond the deployment (the time stamped on a restart, the
 * ReplicaSet a rollback returns to) is pinned in the expected state too.
 */
final class DeploymentChange {

    static final String RESTARTED_AT = "restartedAt";
    static final String TO_NAME = "to.replicaSet";
    static final String TO_UID = "to.uid";
    static final String TO_REVISION = "to.revision";
    static final String TO_IMAGES = "to.images";
    private static final String RESTART_ANNOTATION = "kubectl.kubernetes.io/restartedAt";
    private static final String HASH_LABEL = "pod-template-hash";

    /** The request, the state it is conditional on, and how the change reads in the card. */
    record Plan(String patch, Map<String, String> expected, List<Line> change) {
    }

    private final KubeCalls calls;
    private final Clock clock;

    DeploymentChange(KubeCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * @param pinned the expected state (from the approval, or just observed); restart and undo add what they
     *               pin when it is missing, and undo checks that the pinned ReplicaSet is still the one shown
     */
    Plan plan(ActionSpec spec, Deployment d, Map<String, String> pinned) {
        Map<String, String> expected = new LinkedHashMap<>(pinned);
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(op("test", "/metadata/uid", d.getMetadata().getUid()));
        ops.add(op("test", "/metadata/generation", Deployments.generation(d)));
        List<Line> change = new ArrayList<>();
        switch (spec.operation()) {
            case "scale" -> {
                int replicas = Changes.replicas(spec);
                ops.add(op("replace", "/spec/replicas", replicas));
                change.add(Line.of("kubernetes.line.replicas", Text.of("kubernetes.value.from-to", Deployments.desired(d), replicas)));
            }
            case "set-image" -> {
                String container = spec.parameter("container");
                String image = Changes.image(spec);
                int index = containerIndex(d, container);
                String from = Deployments.containers(d).get(index).getImage();
                ops.add(op("test", "/spec/template/spec/containers/" + index + "/name", container));
                ops.add(op("replace", "/spec/template/spec/containers/" + index + "/image", image));
                change.add(new Line(Text.of("kubernetes.line.image", container), Text.of("kubernetes.value.from-to", from, image)));
            }
            case "restart" -> {
                String at = expected.computeIfAbsent(RESTARTED_AT, k -> clock.instant().toString());
                ops.add(restartOp(d.getSpec().getTemplate(), at));
                change.add(Line.of("kubernetes.line.restart", Text.of("kubernetes.value.restart", Deployments.desired(d),
                        Deployments.images(Deployments.containers(d)))));
            }
            case "undo" -> {
                ReplicaSet target = target(d, expected);
                ops.add(op("replace", "/spec/template", withoutHash(target.getSpec().getTemplate())));
                change.add(Line.of("kubernetes.line.rollback", describe(target)));
            }
            default -> throw new ActionException(Reason.INVALID, "kubernetes.invalid.operation", spec.operation(), "restart, undo, scale, set-image");
        }
        return new Plan(Serialization.asJson(ops), Map.copyOf(expected), change);
    }

    static Text describe(ReplicaSet rs) {
        return Text.of("kubernetes.value.rollback", Deployments.revision(rs),
                Deployments.images(rs.getSpec().getTemplate().getSpec().getContainers()));
    }

    /** The revision before the current one, or, when pinned, exactly the ReplicaSet that was shown. */
    private ReplicaSet target(Deployment d, Map<String, String> expected) {
        String name = d.getMetadata().getName();
        String ns = d.getMetadata().getNamespace();
        if (!expected.containsKey(TO_NAME)) {
            List<ReplicaSet> sets = calls.run(RunAs.bot(), Text.of("kubernetes.call.list-replicasets", name),
                    c -> Deployments.replicaSets(c, d));
            if (sets.size() < 2) {
                throw new ActionException(Reason.INVALID, "kubernetes.invalid.no-previous", name, ns);
            }
            ReplicaSet previous = sets.get(1);
            expected.put(TO_NAME, previous.getMetadata().getName());
            expected.put(TO_UID, String.valueOf(previous.getMetadata().getUid()));
            expected.put(TO_REVISION, String.valueOf(Deployments.revision(previous)));
            expected.put(TO_IMAGES, Deployments.images(previous.getSpec().getTemplate().getSpec().getContainers()));
            return previous;
        }
        String rsName = expected.get(TO_NAME);
        ReplicaSet rs = calls.run(RunAs.bot(), Text.of("kubernetes.call.read-replicaset", rsName, ns),
                c -> c.apps().replicaSets().inNamespace(ns).withName(rsName).get());
        if (rs == null || !Objects.equals(String.valueOf(rs.getMetadata().getUid()), expected.get(TO_UID))) {
            throw Observed.changed(name, ns, List.of(Text.of("kubernetes.changed.target-gone", expected.get(TO_REVISION),
                    expected.get(TO_IMAGES))));
        }
        String images = Deployments.images(rs.getSpec().getTemplate().getSpec().getContainers());
        if (!images.equals(expected.get(TO_IMAGES))) {
            throw Observed.changed(name, ns, List.of(Text.of("kubernetes.changed.target-changed", rsName, expected.get(TO_REVISION))));
        }
        return rs;
    }

    /** The template a rollback writes: the ReplicaSet's, without the label the controller adds to it. */
    private static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        PodTemplateSpec copy = new PodTemplateSpecBuilder(template).build();
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
            labels.remove(HASH_LABEL);
            copy.getMetadata().setLabels(labels);
        }
        return copy;
    }

    /** kubectl's restart: a new restartedAt annotation on the pod template (creating the map if needed). */
    private static Map<String, Object> restartOp(PodTemplateSpec template, String at) {
        if (template.getMetadata() == null) {
            return op("add", "/spec/template/metadata", Map.of("annotations", Map.of(RESTART_ANNOTATION, at)));
        }
        var annotations = template.getMetadata().getAnnotations();
        if (annotations == null || annotations.isEmpty()) {
            return op("add", "/spec/template/metadata/annotations", Map.of(RESTART_ANNOTATION, at));
        }
        return op("add", "/spec/template/metadata/annotations/" + RESTART_ANNOTATION.replace("~", "~0").replace("/", "~1"), at);
    }

    static int containerIndex(Deployment d, String container) {
        List<Container> containers = Deployments.containers(d);
        for (int i = 0; i < containers.size(); i++) {
            if (container.equals(containers.get(i).getName())) {
                return i;
            }
        }
        throw new ActionException(Reason.INVALID, "kubernetes.invalid.no-container", d.getMetadata().getName(), container,
                Deployments.containerNames(d));
    }

    private static Map<String, Object> op(String op, String path, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("path", path);
        m.put("value", value);
        return m;
    }
}
