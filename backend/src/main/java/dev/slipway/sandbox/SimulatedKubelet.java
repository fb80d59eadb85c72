package dev.slipway.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays, for one sandbox API server, the parts of Kubernetes the mock server lacks: the Deployment
 * controller (a rolling update honouring maxSurge and maxUnavailable, pausing, the progress deadline,
 * the status Kubernetes reports) and the kubelet (pods that start, get ready, or keep crashing, as the
 * release's {@link SandboxBehaviour} asks). Simplified but faithful in the signals a rollout engine reads.
 * It acts on a timer, a few changes per tick, so a rollout unfolds at a pace people can watch.
 */
final class SimulatedKubelet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedKubelet.class);
    /** Pod annotation: when the simulated container (re)started its life, in epoch milliseconds. */
    static final String STARTED_AT = "sandbox.slipway.dev/started-at";
    static final String TEMPLATE_HASH = "pod-template-hash";

    private final KubernetesClient client;
    private final SandboxProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    /** Per Deployment uid: the template hash seen last and when the rollout last progressed. */
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    private static final class Track {
        String hash = "";
        int updated = -1;
        int ready = -1;
        int desired = -1;
        Instant lastProgress;
        Instant lastCreation = Instant.EPOCH;

        Track(Instant now) {
            lastProgress = now;
        }
    }

    SimulatedKubelet(KubernetesClient client, SandboxProperties properties, Clock clock, String name) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sandbox-kubelet-" + name).daemon().factory());
        ticker.scheduleWithFixedDelay(this::tick, properties.tick().toMillis(), properties.tick().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One round over every Deployment; never throws, so the ticker keeps running. */
    void tick() {
        try {
            Instant now = clock.instant();
            List<Deployment> deployments = client.apps().deployments().inAnyNamespace().list().getItems();
            List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
            Map<String, List<Pod>> byOwner = pods.stream().collect(Collectors.groupingBy(SimulatedKubelet::ownerUid));
            for (Deployment deployment : deployments) {
                try {
                    reconcile(deployment, byOwner.getOrDefault(deployment.getMetadata().getUid(), List.of()), now);
                } catch (RuntimeException e) {
                    log.debug("Sandbox: could not advance Deployment {}: {}", deployment.getMetadata().getName(),
                            e.getMessage());
                }
            }
            removeOrphans(deployments, pods);
        } catch (RuntimeException e) {
            log.debug("Sandbox tick failed: {}", e.getMessage());
        }
    }

    private void reconcile(Deployment deployment, List<Pod> owned, Instant now) {
        String hash = templateHash(deployment);
        Track track = tracks.computeIfAbsent(deployment.getMetadata().getUid(), uid -> new Track(now));
        if (!hash.equals(track.hash)) {
            // A new template (a release, a rollback) starts a new rollout and a new progress clock.
            track.hash = hash;
            track.updated = -1;
            track.ready = -1;
            track.lastProgress = now;
        }
        List<Pod> pods = new ArrayList<>();
        for (Pod pod : owned) {
            pods.add(advancePod(pod, now));
        }
        List<Pod> current = pods.stream().filter(p -> hash.equals(label(p, TEMPLATE_HASH))).toList();
        List<Pod> old = pods.stream().filter(p -> !hash.equals(label(p, TEMPLATE_HASH))).toList();
        int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        if (desired != track.desired) {
            // scaling is progress to Kubernetes too: the progress deadline counts from the new size
            track.desired = desired;
            track.lastProgress = now;
        }
        boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
        int surge = resolve(rolling(deployment) == null ? null : rolling(deployment).getMaxSurge(), desired, true, 1);
        int unavailable = resolve(rolling(deployment) == null ? null : rolling(deployment).getMaxUnavailable(), desired,
                false, 0);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        if (!paused) {
            step(deployment, current, old, desired, surge, unavailable, track, now);
        }
        int readyCurrent = (int) current.stream().filter(SimulatedKubelet::ready).count();
        if (current.size() > track.updated || readyCurrent > track.ready) {
            if (track.updated >= 0) {
                track.lastProgress = now;
            }
            track.updated = Math.max(track.updated, current.size());
            track.ready = Math.max(track.ready, readyCurrent);
        }
        writeStatus(deployment, current, old, desired, unavailable, paused, track, now);
    }

    /** At most one pod created and one removed per tick, like a slow but steady controller. */
    private void step(Deployment deployment, List<Pod> current, List<Pod> old, int desired, int surge, int unavailable,
                      Track track, Instant now) {
        int total = current.size() + old.size();
        int readyTotal = (int) (current.stream().filter(SimulatedKubelet::ready).count()
                + old.stream().filter(SimulatedKubelet::ready).count());
        int minAvailable = desired - unavailable;
        // Remove surplus pods of the current template first (scale down).
        if (current.size() > desired) {
            delete(pickVictim(current));
            return;
        }
        // Old pods go when enough others are ready to stay above the availability floor.
        if (!old.isEmpty()) {
            Pod victim = pickVictim(old);
            int afterRemoval = readyTotal - (ready(victim) ? 1 : 0);
            if (!ready(victim) || afterRemoval >= minAvailable) {
                delete(victim);
                total--;
            }
        }
        if (current.size() < desired && total < desired + surge
                && !now.isBefore(track.lastCreation.plus(properties.podStartDelay()))) {
            create(deployment, track.hash, now);
            track.lastCreation = now;
        }
    }

    private static Pod pickVictim(List<Pod> pods) {
        return pods.stream().min(Comparator.comparing(SimulatedKubelet::ready)
                .thenComparing(p -> p.getMetadata().getName())).orElseThrow();
    }

    private void create(Deployment deployment, String hash, Instant now) {
        var template = deployment.getSpec().getTemplate();
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels() == null
                ? Map.of() : template.getMetadata().getLabels());
        labels.put(TEMPLATE_HASH, hash);
        Map<String, String> annotations = new HashMap<>(template.getMetadata().getAnnotations() == null
                ? Map.of() : template.getMetadata().getAnnotations());
        annotations.put(STARTED_AT, Long.toString(now.toEpochMilli()));
        OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                .withName(deployment.getMetadata().getName()).withUid(deployment.getMetadata().getUid())
                .withController(true).build();
        String name = deployment.getMetadata().getName() + "-" + hash + "-" + suffix();
        List<ContainerStatus> containers = template.getSpec().getContainers().stream()
                .map(c -> new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(false)
                        .withStarted(true).withRestartCount(0).withNewState().withNewRunning()
                        .withStartedAt(now.toString()).endRunning().endState().build())
                .toList();
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(labels).withAnnotations(annotations).withOwnerReferences(owner).endMetadata()
                .withSpec(template.getSpec())
                .withNewStatus().withPhase("Running").withStartTime(now.toString())
                .withConditions(readyCondition(false, now)).withContainerStatuses(containers).endStatus()
                .build();
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    private void delete(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
    }

    /** Moves a pod along its behaviour's life and writes its status when that changed. */
    private Pod advancePod(Pod pod, Instant now) {
        SandboxBehaviour behaviour = SandboxBehaviour.of(pod.getMetadata().getAnnotations());
        long startedAt = Long.parseLong(pod.getMetadata().getAnnotations().getOrDefault(STARTED_AT,
                Long.toString(now.toEpochMilli())));
        Duration age = Duration.between(Instant.ofEpochMilli(startedAt), now);
        boolean ready;
        int restarts = 0;
        switch (behaviour) {
            case HEALTHY, BAD_METRICS, NO_TRAFFIC, METRICS_DOWN -> ready = age.compareTo(properties.readyAfter()) >= 0;
            case SLOW_START -> ready = age.compareTo(properties.slowStartReadyAfter()) >= 0;
            case NEVER_READY -> ready = false;
            case CRASH_LOOP -> {
                ready = false;
                restarts = (int) (age.toMillis() / Math.max(1, properties.crashRestartEvery().toMillis()));
            }
            default -> ready = false;
        }
        boolean crashing = behaviour == SandboxBehaviour.CRASH_LOOP && restarts > 0;
        if (ready(pod) == ready && restartsOf(pod) == restarts && crashing == crashing(pod)) {
            return pod;
        }
        final boolean isReady = ready;
        final int restartCount = restarts;
        List<ContainerStatus> containers = pod.getStatus().getContainerStatuses().stream()
                .map(c -> {
                    ContainerStatusBuilder builder = new ContainerStatusBuilder(c).withReady(isReady)
                            .withRestartCount(restartCount);
                    if (crashing) {
                        builder.withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                                .withMessage("back-off restarting failed container (simulated)").endWaiting().endState()
                                .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error")
                                .endTerminated().endLastState();
                    }
                    return builder.build();
                }).toList();
        Pod updated = new PodBuilder(pod).editStatus().withConditions(readyCondition(isReady, now))
                .withContainerStatuses(containers).endStatus().build();
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(updated).updateStatus();
    }

    private void writeStatus(Deployment deployment, List<Pod> current, List<Pod> old, int desired, int unavailable,
                             boolean paused, Track track, Instant now) {
        int readyCurrent = (int) current.stream().filter(SimulatedKubelet::ready).count();
        int readyAll = readyCurrent + (int) old.stream().filter(SimulatedKubelet::ready).count();
        int total = current.size() + old.size();
        boolean complete = current.size() == desired && readyCurrent == desired && old.isEmpty();
        Integer deadline = deployment.getSpec().getProgressDeadlineSeconds();
        boolean stuck = !complete && !paused && deadline != null
                && Duration.between(track.lastProgress, now).getSeconds() > deadline;
        String progressingStatus = paused ? "Unknown" : stuck ? "False" : "True";
        String progressingReason = paused ? "DeploymentPaused" : complete ? "NewReplicaSetAvailable"
                : stuck ? "ProgressDeadlineExceeded" : "ReplicaSetUpdated";
        String availableStatus = readyAll >= desired - unavailable ? "True" : "False";
        DeploymentStatus previous = deployment.getStatus();
        List<DeploymentCondition> conditions = List.of(
                condition(previous, "Available", availableStatus,
                        "True".equals(availableStatus) ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable", now),
                condition(previous, "Progressing", progressingStatus, progressingReason, now));
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(total).withUpdatedReplicas(current.size()).withReadyReplicas(readyAll)
                .withAvailableReplicas(readyAll).withUnavailableReplicas(Math.max(0, desired - readyAll))
                .withConditions(conditions).build();
        if (sameStatus(previous, status)) {
            return;
        }
        Deployment updated = new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(deployment)
                .withStatus(status).build();
        client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace()).resource(updated).updateStatus();
    }

    /** Keeps a condition's transition time while its status and reason stay the same, as Kubernetes does. */
    private static DeploymentCondition condition(DeploymentStatus previous, String type, String status, String reason,
                                                 Instant now) {
        DeploymentCondition before = previous == null || previous.getConditions() == null ? null
                : previous.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        boolean same = before != null && status.equals(before.getStatus()) && reason.equals(before.getReason());
        return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage("simulated by the Slipway sandbox")
                .withLastTransitionTime(same ? before.getLastTransitionTime() : now.toString())
                .withLastUpdateTime(same ? before.getLastUpdateTime() : now.toString()).build();
    }

    private static boolean sameStatus(DeploymentStatus a, DeploymentStatus b) {
        if (a == null) {
            return false;
        }
        return Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
                && Objects.equals(a.getReplicas(), b.getReplicas())
                && Objects.equals(a.getUpdatedReplicas(), b.getUpdatedReplicas())
                && Objects.equals(a.getReadyReplicas(), b.getReadyReplicas())
                && Objects.equals(a.getAvailableReplicas(), b.getAvailableReplicas())
                && Objects.equals(conditionKeys(a), conditionKeys(b));
    }

    private static List<String> conditionKeys(DeploymentStatus status) {
        return status.getConditions() == null ? List.of() : status.getConditions().stream()
                .map(c -> c.getType() + "/" + c.getStatus() + "/" + c.getReason()).sorted().toList();
    }

    private void removeOrphans(List<Deployment> deployments, List<Pod> pods) {
        var uids = deployments.stream().map(d -> d.getMetadata().getUid()).collect(Collectors.toSet());
        for (Pod pod : pods) {
            String owner = ownerUid(pod);
            if (!owner.isEmpty() && !uids.contains(owner)) {
                delete(pod);
            }
        }
        tracks.keySet().retainAll(uids);
    }

    private static PodCondition readyCondition(boolean ready, Instant now) {
        return new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False")
                .withLastTransitionTime(now.toString()).build();
    }

    static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static int restartsOf(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? 0
                : pod.getStatus().getContainerStatuses().stream().map(ContainerStatus::getRestartCount)
                .filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0);
    }

    private static boolean crashing(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
                && pod.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getState() != null
                && c.getState().getWaiting() != null && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason()));
    }

    private static RollingUpdateDeployment rolling(Deployment deployment) {
        return deployment.getSpec().getStrategy() == null ? null : deployment.getSpec().getStrategy().getRollingUpdate();
    }

    /** Kubernetes' rounding: surge rounds up, unavailable rounds down. */
    static int resolve(IntOrString value, int desired, boolean roundUp, int fallback) {
        if (value == null) {
            return roundUp ? (int) Math.ceil(desired * 0.25) : (int) Math.floor(desired * 0.25);
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal();
        if (text == null) {
            return fallback;
        }
        if (text.endsWith("%")) {
            double share = Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0;
            return roundUp ? (int) Math.ceil(desired * share) : (int) Math.floor(desired * share);
        }
        return Integer.parseInt(text);
    }

    /** Like Kubernetes' pod-template-hash: the same template always gives the same hash. */
    static String templateHash(Deployment deployment) {
        try {
            String template = Serialization.asJson(deployment.getSpec().getTemplate());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(template.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ownerUid(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners == null || owners.isEmpty() ? "" : owners.getFirst().getUid();
    }

    private static String label(Pod pod, String key) {
        return pod.getMetadata().getLabels() == null ? "" : pod.getMetadata().getLabels().getOrDefault(key, "");
    }

    private static String suffix() {
        String letters = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            out.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return out.toString();
    }
}
