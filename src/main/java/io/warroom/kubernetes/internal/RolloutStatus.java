package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.warroom.action.Line;
import io.warroom.action.Progress;
import io.warroom.action.Progress.State;
import io.warroom.shared.Text;
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
                Line.of("kubernetes.line.replicas", Text.of("kubernetes.value.rollout-replicas", desired, updated, replicas, available)),
                Line.of("kubernetes.line.generation", Text.of("kubernetes.value.generation", observed, generation))));
        long revision = Deployments.revision(d);
        if (revision > 0) {
            lines.add(Line.of("kubernetes.line.revision", String.valueOf(revision)));
        }
        if (observed < generation) {
            return new Progress(State.IN_PROGRESS, Text.of("kubernetes.rollout.waiting", name), lines);
        }
        DeploymentCondition progressing = condition(s, "Progressing");
        if (progressing != null && "ProgressDeadlineExceeded".equals(progressing.getReason())) {
            if (progressing.getMessage() != null) {
                lines.add(Line.of("kubernetes.line.condition", progressing.getMessage()));
            }
            return new Progress(State.FAILED, Text.of("kubernetes.rollout.deadline", name), lines);
        }
        if (updated < desired) {
            return new Progress(State.IN_PROGRESS, Text.of("kubernetes.rollout.updated", name, updated, desired), lines);
        }
        if (replicas > updated) {
            return new Progress(State.IN_PROGRESS, Text.of("kubernetes.rollout.old-pending", name, replicas - updated), lines);
        }
        if (available < updated) {
            return new Progress(State.IN_PROGRESS, Text.of("kubernetes.rollout.available", name, available, updated), lines);
        }
        return new Progress(State.COMPLETE, Text.of("kubernetes.rollout.complete", name), lines);
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
