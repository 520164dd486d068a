/**
 * Kubernetes actions through fabric8: read (pods, logs, rollout status and history, CronJobs) and change
 * (restart, undo, scale, set image, delete pod) with per-request impersonation, behind the
 * {@link io.warroom.action.ActionExecutor} named {@code kubernetes}. With no cluster configured it runs
 * against an in-process sandbox cluster seeded from the runbooks. See docs/kubernetes.md.
 */
package io.warroom.kubernetes;
