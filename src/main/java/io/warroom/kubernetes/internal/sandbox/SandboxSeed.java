package io.warroom.kubernetes.internal.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The runbooks' services: {@code backend} (3) and {@code agent} (2) in {@code after-sales-prod},
 * {@code gateway} (2) and {@code worker} (2) in {@code gateway}; each with revisions 1 and 2 so rollback
 * works; one agent pod in CrashLoopBackOff after an OOMKill; {@code redis-0}; the daily {@code pg-backup}
 * CronJob with its last Jobs.
 */
final class SandboxSeed {

    private static final String REGISTRY = "registry.after-sales.example/";
    private static final String[] NODES = {"cn-sh-node-1", "cn-sh-node-2", "cn-sh-node-3"};

    private final KubernetesClient client;
    private final Instant now;

    SandboxSeed(KubernetesClient client, Clock clock) {
        this.client = client;
        this.now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    void seed() {
        for (String ns : SandboxCluster.NAMESPACES) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        deployment("after-sales-prod", "backend", 3, 8080, "after-sales/backend", "1.8.2", "1.8.3", "2Gi", 0);
        deployment("after-sales-prod", "agent", 2, 8081, "after-sales/agent", "2.4.0", "2.4.1", "1Gi", 1);
        deployment("gateway", "gateway", 2, 8000, "ai-gateway/gateway", "1.12.0", "1.12.1", "4Gi", 0);
        deployment("gateway", "worker", 2, 0, "ai-gateway/worker", "1.12.0", "1.12.1", "2Gi", 0);
        redis();
        backups();
    }

    /** Revision 1 (old image, scaled to 0) and revision 2 (current); {@code crashing} pods of it in CrashLoopBackOff. */
    private void deployment(String ns, String name, int replicas, int port, String image, String oldTag, String tag,
                            String memory, int crashing) {
        Deployment d = client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", name)
                .addToAnnotations(SandboxObjects.REVISION, "2").withCreationTimestamp(now.minus(Duration.ofDays(41)).toString())
                .endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withProgressDeadlineSeconds(600).withRevisionHistoryLimit(10)
                .withTemplate(template(name, port, REGISTRY + image + ":" + tag, memory)).endSpec()
                .build()).create();
        ReplicaSet old = SandboxObjects.replicaSet(d, template(name, port, REGISTRY + image + ":" + oldTag, memory), 1, 0,
                "release " + oldTag, now.minus(Duration.ofDays(9)));
        ReplicaSet current = SandboxObjects.replicaSet(d, d.getSpec().getTemplate(), 2, replicas, "release " + tag,
                now.minus(Duration.ofDays(2)));
        client.apps().replicaSets().inNamespace(ns).resource(old).create();
        client.apps().replicaSets().inNamespace(ns).resource(current).create();
        for (int i = 0; i < replicas; i++) {
            Instant started = now.minus(Duration.ofDays(2)).plusSeconds(40L * i);
            String suffix = SandboxObjects.encode(name + i, 5);
            Pod pod = SandboxObjects.runningPod(current, suffix, NODES[i % NODES.length], started);
            if (i >= replicas - crashing) {
                crashLoop(pod, name);
            }
            client.pods().inNamespace(ns).resource(pod).create();
        }
        int available = replicas - crashing;
        var status = SandboxObjects.completeStatus(d, current.getMetadata().getName(), now.minus(Duration.ofDays(2)));
        status.setReadyReplicas(available);
        status.setAvailableReplicas(available);
        client.apps().deployments().inNamespace(ns).withName(name).editStatus(x -> {
            x.setStatus(status);
            return x;
        });
    }

    private static PodTemplateSpec template(String name, int port, String image, String memory) {
        var container = new io.fabric8.kubernetes.api.model.ContainerBuilder().withName(name).withImage(image)
                .withNewResources().addToLimits("memory", new Quantity(memory)).addToRequests("cpu", new Quantity("250m")).endResources();
        if (port > 0) {
            container.addNewPort().withContainerPort(port).withName("http").endPort();
        }
        return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().withContainers(container.build()).endSpec().build();
    }

    /** The agent pod the runbooks' OOM story is about: restarted 7 times, now backing off. */
    private void crashLoop(Pod pod, String container) {
        var status = pod.getStatus().getContainerStatuses().get(0);
        pod.getStatus().setContainerStatuses(java.util.List.of(new ContainerStatusBuilder(status)
                .withReady(false).withStarted(false).withRestartCount(7)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 5m0s restarting failed container=" + container + " pod=" + pod.getMetadata().getName())
                .endWaiting().endState()
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137)
                .withStartedAt(now.minusSeconds(400).toString()).withFinishedAt(now.minusSeconds(170).toString())
                .endTerminated().endLastState()
                .build()));
        pod.getStatus().getConditions().get(0).setStatus("False");
    }

    private void redis() {
        Pod redis = redis(now.minus(Duration.ofDays(23)), now.minus(Duration.ofDays(11)), 1);
        var status = redis.getStatus().getContainerStatuses().get(0);
        status.setLastState(new io.fabric8.kubernetes.api.model.ContainerStateBuilder().withNewTerminated().withReason("Error")
                .withExitCode(1).withFinishedAt(now.minus(Duration.ofDays(11)).toString()).endTerminated().build());
        client.pods().inNamespace("after-sales-prod").resource(redis).create();
    }

    /** redis-0 of the StatefulSet redis: created at {@code created}, its container running since {@code started}. */
    static Pod redis(Instant created, Instant started, int restarts) {
        return new PodBuilder()
                .withNewMetadata().withName("redis-0").withNamespace("after-sales-prod").withLabels(Map.of("app", "redis"))
                .withCreationTimestamp(created.toString())
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("StatefulSet").withName("redis")
                        .withController(true).build())
                .endMetadata()
                .withNewSpec().withNodeName(NODES[1]).addNewContainer().withName("redis").withImage("redis:7.2.4").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.42.1.31").withStartTime(created.toString())
                .addNewContainerStatus().withName("redis").withImage("redis:7.2.4").withReady(true).withRestartCount(restarts)
                .withNewState().withNewRunning().withStartedAt(started.toString()).endRunning().endState()
                .endContainerStatus()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build();
    }

    /** pg-backup runs daily at 02:00 Asia/Shanghai: the last two runs succeeded, the one before failed (backoff limit). */
    private void backups() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ZonedDateTime last = now.atZone(zone).truncatedTo(ChronoUnit.DAYS).withHour(2);
        if (last.toInstant().isAfter(now)) {
            last = last.minusDays(1);
        }
        CronJob cronJob = client.batch().v1().cronjobs().inNamespace("after-sales-prod").resource(new CronJobBuilder()
                .withNewMetadata().withName("pg-backup").withNamespace("after-sales-prod")
                .withCreationTimestamp(now.minus(Duration.ofDays(120)).toString()).endMetadata()
                .withNewSpec().withSchedule("0 2 * * *").withTimeZone("Asia/Shanghai").withSuspend(false)
                .withConcurrencyPolicy("Forbid").withSuccessfulJobsHistoryLimit(3).withFailedJobsHistoryLimit(1)
                .withNewJobTemplate().withNewSpec().withBackoffLimit(2).withNewTemplate().withNewSpec().withRestartPolicy("OnFailure")
                .addNewContainer().withName("pg-dump").withImage("postgres:16.4")
                .withCommand("sh", "-c", "pg_dump -U admin -d after_sales | gzip | aws s3 cp - s3://after-sales-backups/postgres/daily/$(date +%Y%m%d).sql.gz")
                .endContainer().endSpec().endTemplate().endSpec().endJobTemplate()
                .endSpec().build()).create();
        for (int daysAgo = 3; daysAgo >= 0; daysAgo--) {
            Instant scheduled = last.minusDays(daysAgo).toInstant();
            boolean failed = daysAgo == 2;
            client.batch().v1().jobs().inNamespace("after-sales-prod").resource(job(cronJob, scheduled, failed)).create();
        }
        Instant lastRun = last.toInstant();
        client.batch().v1().cronjobs().inNamespace("after-sales-prod").withName("pg-backup").editStatus(c -> {
            c.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder()
                    .withLastScheduleTime(lastRun.toString()).withLastSuccessfulTime(lastRun.plusSeconds(418).toString()).build());
            return c;
        });
    }

    private static Job job(CronJob cronJob, Instant scheduled, boolean failed) {
        Instant start = scheduled.plusSeconds(2);
        var status = new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().withStartTime(start.toString());
        if (failed) {
            status.withFailed(3).addNewCondition().withType("Failed").withStatus("True").withReason("BackoffLimitExceeded")
                    .withMessage("Job has reached the specified backoff limit").withLastTransitionTime(start.plusSeconds(900).toString())
                    .endCondition();
        } else {
            status.withSucceeded(1).withCompletionTime(start.plusSeconds(416).toString()).addNewCondition().withType("Complete")
                    .withStatus("True").withLastTransitionTime(start.plusSeconds(416).toString()).endCondition();
        }
        return new JobBuilder()
                .withNewMetadata().withName("pg-backup-" + scheduled.getEpochSecond() / 60).withNamespace("after-sales-prod")
                .withCreationTimestamp(scheduled.toString())
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("CronJob").withName("pg-backup")
                        .withUid(cronJob.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .withNewSpec().withBackoffLimit(2).withTemplate(cronJob.getSpec().getJobTemplate().getSpec().getTemplate()).endSpec()
                .withStatus(status.build()).build();
    }
}
