package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.warroom.action.Line;
import io.warroom.action.Progress;
import io.warroom.action.Progress.State;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl rollout status} for a Deployment: the new spec observed, every replica updated, the old
 * ones gone and the updated ones available; {@code ProgressDeadlineExceeded} means it failed.
 */
final class RolloutStatus {

    private RolloutStatus() {
    }

    static Progress of(Deployment d) {
        String name = d.getMetadata().getName();
        DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        long generation = n(d.getMetadata().getGeneration());
        long observed = n(s.getObservedGeneration());
        int desired = Deployments.desired(d);
        int replicas = n(s.getReplicas());
        int updated = n(s.getUpdatedReplicas());
        int available = n(s.getAvailableReplicas());
        List<Line> lines = new ArrayList<>(List.of(
                new Line("replicas", "desired " + desired + ", updated " + updated + ", total " + replicas + ", available " + available),
                new Line("generation", "observed " + observed + " of " + generation)));
        int revision = (int) Deployments.revision(d);
        if (revision > 0) {
            lines.add(new Line("revision", String.valueOf(revision)));
        }
        if (observed < generation) {
            return new Progress(State.IN_PROGRESS, "waiting for the rollout of " + name + " to be observed", lines);
        }
        DeploymentCondition progressing = condition(s, "Progressing");
        if (progressing != null && "ProgressDeadlineExceeded".equals(progressing.getReason())) {
            if (progressing.getMessage() != null) {
                lines.add(new Line("condition", progressing.getMessage()));
            }
            return new Progress(State.FAILED, "rollout of " + name + " failed: progress deadline exceeded", lines);
        }
        if (updated < desired) {
            return new Progress(State.IN_PROGRESS, name + ": " + updated + " of " + desired + " new replicas updated", lines);
        }
        if (replicas > updated) {
            return new Progress(State.IN_PROGRESS, name + ": " + (replicas - updated) + " old replicas pending termination", lines);
        }
        if (available < updated) {
            return new Progress(State.IN_PROGRESS, name + ": " + available + " of " + updated + " updated replicas available", lines);
        }
        return new Progress(State.COMPLETE, name + " successfully rolled out", lines);
    }

    private static DeploymentCondition condition(DeploymentStatus s, String type) {
        if (s.getConditions() == null) {
            return null;
        }
        return s.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }
}
