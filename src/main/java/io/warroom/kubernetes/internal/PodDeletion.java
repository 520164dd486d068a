package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Pod;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.Line;
import io.warroom.action.Preview;
import io.warroom.action.RunAs;
import io.warroom.shared.Text;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * delete-pod, bound to the pod the approver saw by its uid: a StatefulSet's {@code redis-0} recreated
 * since the card was shown is another pod, and is not deleted.
 */
final class PodDeletion {

    private final KubeCalls calls;
    private final Changes changes;

    PodDeletion(KubeCalls calls, Changes changes) {
        this.calls = calls;
        this.changes = changes;
    }

    Preview preview(ActionSpec spec, RunAs runAs) {
        String ns = spec.namespace();
        String name = spec.target();
        Pod pod = Deployments.requirePod(calls, RunAs.bot(), ns, name);
        Text state = Changes.podState(pod);
        Text dryRun = changes.dryRun(runAs, Changes.what(spec), c -> c.pods().inNamespace(ns).withName(name).dryRun().delete());
        return new Preview(List.of(Line.of("kubernetes.line.pod", ns + "/" + name), Line.of("kubernetes.line.state", state),
                Line.of("kubernetes.line.owner", owner(pod))),
                List.of(Line.of("kubernetes.line.delete-pod", Text.of("kubernetes.value.pod-state", name, state))),
                dryRun, changes.sandbox(), Map.of(Observed.UID, String.valueOf(pod.getMetadata().getUid())));
    }

    ActionResult execute(ActionSpec spec, RunAs runAs) {
        String ns = spec.namespace();
        String name = spec.target();
        Pod pod = Deployments.requirePod(calls, RunAs.bot(), ns, name);
        String expectedUid = spec.expected().get(Observed.UID);
        if (expectedUid != null && !Objects.equals(expectedUid, String.valueOf(pod.getMetadata().getUid()))) {
            throw new ActionException(Reason.CHANGED, "kubernetes.changed.pod", name, ns);
        }
        Text state = Changes.podState(pod);
        var deleted = changes.send(runAs, spec, c -> c.pods().inNamespace(ns).withName(name).delete());
        if (deleted == null || deleted.isEmpty()) {
            throw new ActionException(Reason.NOT_FOUND, "kubernetes.not-found.pod", name, ns);
        }
        return changes.result(Text.of("kubernetes.result.pod-deleted", name, ns, state, owner(pod)),
                List.of(Line.of("kubernetes.line.pod", ns + "/" + name), Line.of("kubernetes.line.was", state),
                        new Line(Text.of("kubernetes.line.run-as"), KubeCalls.identity(runAs))), false);
    }

    private static Text owner(Pod pod) {
        var owners = pod.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return Text.of("kubernetes.value.owner-none");
        }
        var o = owners.get(0);
        return Text.of("kubernetes.value.owner", o.getKind(), o.getName());
    }
}
