package dev.slipway.rollouts;

import dev.slipway.analysis.Analysis;
import dev.slipway.analysis.Verdict;
import dev.slipway.apps.DeploySettings;
import dev.slipway.kubernetes.Labels;
import dev.slipway.kubernetes.Manifests;
import dev.slipway.kubernetes.WorkloadSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Blue-green after Argo Rollouts: two slot Deployments ({@code <app>-blue}, {@code <app>-green}), the app's
 * Service selecting the active slot and {@code <app>-preview} the other. The new release starts in the idle
 * slot, optionally passes a pre-promotion analysis, waits for a promotion (or promotes itself after a
 * delay), and then the app's Service switches slots in one write. A post-promotion analysis that fails
 * switches back at once. The old slot keeps its pods for the scale-down delay, so a rollback in that time
 * switches back without starting a pod; the rollout ends when the old slot is scaled to zero.
 *
 * <p>An app that ran in one Deployment ({@code <app>}, rolling or canary) first gets its running release
 * copied into a slot, because a Service can select a slot but not "pods without a slot".
 */
final class BlueGreenStrategy implements RolloutStrategy {

    /** Where a blue-green rollout stands, kept in {@link Progress#STAGE}. */
    enum Stage {
        /** moving the running release from {@code <app>} into a slot */
        MIGRATE,
        /** the new release starts in the idle slot */
        PREVIEW,
        /** its metrics are measured before it gets traffic */
        PRE_ANALYSIS,
        /** ready: waits for a promotion, or for the auto-promotion delay */
        AWAIT,
        /** the idle slot grows to full size; then the app's Service switches to it */
        SWITCH,
        /** its metrics are measured with the app's traffic; a failure switches back */
        POST_ANALYSIS,
        /** the old slot keeps its pods for an instant rollback until the delay is over */
        SCALE_DOWN
    }

    /** Measurement "steps" of the two analyses, so their values are stored apart. */
    static final int PRE = 0;
    static final int POST = 1;

    @Override
    public Step next(PassContext c) {
        return switch (c.phase()) {
            case PROGRESSING -> progressing(c);
            case PAUSED -> hold(c);
            case ROLLING_BACK -> rollingBack(c);
            case SUCCEEDED, ROLLED_BACK, ABORTED, SUPERSEDED, FAILED ->
                    throw new IllegalStateException("A finished rollout has no next step");
        };
    }

    static Stage stage(Progress progress) {
        String stage = progress.values().get(Progress.STAGE);
        return stage == null ? Stage.PREVIEW : Stage.valueOf(stage);
    }

    /** The analysis the rollout is in, if any: which stored "step" and which templates. */
    static Optional<Map.Entry<Integer, List<String>>> analysisAt(Progress progress, DeploySettings.BlueGreen options,
                                                                 boolean fastTrack) {
        if (fastTrack || progress.flag(Progress.FULL)) {
            return Optional.empty();
        }
        return switch (stage(progress)) {
            case PRE_ANALYSIS -> Optional.of(Map.entry(PRE, DeploySettings.BlueGreen.templates(options.prePromotionAnalysis())));
            case POST_ANALYSIS -> Optional.of(Map.entry(POST, DeploySettings.BlueGreen.templates(options.postPromotionAnalysis())));
            default -> Optional.empty();
        };
    }

    /** The slot the new release goes into: the one the running release does not serve from. */
    static String targetSlot(PassContext c) {
        String saved = c.progress().values().get(Progress.SLOT);
        if (saved != null) {
            return saved;
        }
        return Labels.BLUE.equals(c.activeSlot()) ? Labels.GREEN : Labels.BLUE;
    }

    /**
     * The stable release on a fixed number of pods: slots run no autoscaler, so one the stable release had
     * is replaced by the count it had reached (or its minimum).
     */
    private static WorkloadSpec fixedStable(PassContext c) {
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        if (stable.autoscaling() == null) {
            return stable;
        }
        @Nullable Deployment serving = c.activeSlot() == null ? c.live()
                : c.deployments().get(Manifests.slotName(stable.app(), c.activeSlot()));
        return stable.withReplicas(serving == null ? stable.autoscaling().minReplicas()
                : Workloads.desiredReplicas(serving));
    }

    private static String other(String slot) {
        return Labels.BLUE.equals(slot) ? Labels.GREEN : Labels.BLUE;
    }

    private Step progressing(PassContext c) {
        WorkloadSpec target = c.target();
        DeploySettings.BlueGreen options = Objects.requireNonNull(c.blueGreen());
        String slot = targetSlot(c);
        Progress progress = c.progress().with(Progress.SLOT, slot);
        if (progress.instant(Progress.STEP_STARTED_AT).isEmpty()) {
            progress = progress.with(Progress.STEP_STARTED_AT, c.now());
        }
        Instant stageStarted = progress.instant(Progress.STEP_STARTED_AT).orElseThrow();
        @Nullable WorkloadSpec stable = c.stable();
        if (stable == null) {
            return first(c, progress, slot);
        }
        Stage stage = stage(progress);
        if (stage == Stage.PREVIEW && c.activeSlot() == null) {
            stage = Stage.MIGRATE;
            progress = progress.with(Progress.STAGE, stage);
        }
        String active = c.activeSlot() == null ? other(slot) : c.activeSlot();

        Optional<Pod> crashing = Workloads.crashLooping(c.pods(), target.release(), c.crashLoopRestarts());
        if (crashing.isPresent() && stage != Stage.MIGRATE) {
            Pod pod = crashing.get();
            return failure(c, progress, "Pod " + pod.getMetadata().getName() + " of v" + target.release() + " in the "
                    + slot + " slot is crash-looping (restarted " + Workloads.restarts(pod) + " times)",
                    Map.of("pod", pod.getMetadata().getName(), "restarts", Integer.toString(Workloads.restarts(pod))));
        }
        int full = target.replicas();
        int preview = c.fastTrack() || options.previewReplicas() == null ? full : Math.min(full, options.previewReplicas());
        Instant deadline = stageStarted.plusSeconds(target.rolling().progressDeadlineSeconds());

        switch (stage) {
            case MIGRATE -> {
                WorkloadSpec fixed = fixedStable(c);
                List<HasMetadata> writes = new ArrayList<>(RollingStrategy.objects(stable, false));
                writes.add(Manifests.slotDeployment(fixed, active));
                if (at(c.deployments().get(Manifests.slotName(target.app(), active)), stable.release(), fixed.replicas())) {
                    // the Service moves to the slot in this pass; only then may the old Deployment go
                    List<HasMetadata> moved = new ArrayList<>(writes);
                    moved.removeIf(o -> o instanceof Deployment || o instanceof io.fabric8.kubernetes.api.model.Service
                            || o instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler);
                    moved.add(Manifests.slotDeployment(fixed, active));
                    moved.add(Manifests.activeService(stable, active));
                    List<HasMetadata> deletes = new ArrayList<>(List.of(Manifests.deployment(stable)));
                    Manifests.autoscaler(stable).ifPresent(deletes::add);
                    return new Step(RolloutPhase.PROGRESSING, null, moved, deletes,
                            next(progress, Stage.PREVIEW, c.now()).with(Progress.ACTIVE_SLOT, active),
                            List.of(Note.of("SLOTS", "Moved v" + stable.release()
                            + " into the " + active + " slot: the app's Service now selects a slot, so the new release"
                            + " can start beside it unseen (first blue-green rollout of this app here)")),
                            null, c.now(), new Step.Serving(false, active));
                }
                if (!c.now().isBefore(deadline)) {
                    return failure(c, progress, "v" + stable.release() + " did not start in the " + active + " slot within "
                            + target.rolling().progressDeadlineSeconds() + " s", Map.of());
                }
                return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(), progress, List.of(), deadline, deadline);
            }
            case PREVIEW -> {
                Optional<Step> instant = instantSwitch(c, progress, active, slot);
                if (instant.isPresent()) {
                    return instant.get();
                }
                if (at(c.deployments().get(Manifests.slotName(target.app(), slot)), target.release(), preview)) {
                    List<String> pre = c.fastTrack() ? List.of() : DeploySettings.BlueGreen.templates(options.prePromotionAnalysis());
                    Stage next = pre.isEmpty() ? Stage.AWAIT : Stage.PRE_ANALYSIS;
                    return new Step(RolloutPhase.PROGRESSING, null, writes(c, active, slot, preview, false), List.of(),
                            next(progress, next, c.now()), List.of(new Note("PREVIEW", "v" + target.release() + " is ready"
                            + " on " + pods(preview) + " in the " + slot + " slot, behind " + Manifests.previewName(target.app())
                            + "; the app's traffic still goes to v" + stable.release() + " in the " + active + " slot",
                            Map.of("slot", slot, "pods", Integer.toString(preview)))), null, c.now());
                }
                if (!c.now().isBefore(deadline) || Workloads.deadlineExceeded(c.deployments()
                        .get(Manifests.slotName(target.app(), slot)))) {
                    return failure(c, progress, "v" + target.release() + " did not get " + pods(preview) + " ready in the "
                            + slot + " slot within " + target.rolling().progressDeadlineSeconds() + " s", Map.of());
                }
                return new Step(RolloutPhase.PROGRESSING, null, writes(c, active, slot, preview, false), List.of(),
                        progress, List.of(), deadline, deadline);
            }
            case PRE_ANALYSIS, POST_ANALYSIS -> {
                boolean post = stage == Stage.POST_ANALYSIS;
                String which = post ? "Post-promotion analysis" : "Pre-promotion analysis";
                List<HasMetadata> writes = writes(c, active, slot, post ? full : preview, post);
                List<Verdict> verdicts = c.analysis().stream().map(MetricRun::verdict).toList();
                Map<String, String> details = details(c.analysis());
                Optional<Verdict> failed = verdicts.stream().filter(v -> v.status() == Verdict.Status.FAILED).findFirst();
                if (failed.isPresent()) {
                    return failure(c, progress, which + " failed: " + failed.get().explanation()
                            + (post ? "; switched back to v" + stable.release() : "; v" + stable.release()
                            + " keeps the traffic"), details);
                }
                Optional<Verdict> inconclusive = verdicts.stream()
                        .filter(v -> v.status() == Verdict.Status.INCONCLUSIVE).findFirst();
                if (inconclusive.isPresent()) {
                    String why = which + " inconclusive: " + inconclusive.get().explanation() + ". Promote to go on, or"
                            + " abort";
                    return new Step(RolloutPhase.PAUSED, why, writes, List.of(), progress.with(Progress.HELD, true),
                            List.of(new Note("INCONCLUSIVE", why, details)), null, null);
                }
                if (!verdicts.isEmpty() && verdicts.stream().allMatch(v -> v.status() == Verdict.Status.SUCCESSFUL)) {
                    return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(),
                            next(progress, post ? Stage.SCALE_DOWN : Stage.AWAIT, c.now()),
                            List.of(new Note("ANALYSIS_PASSED", which + " passed: " + verdicts.stream()
                                    .map(Verdict::explanation).collect(Collectors.joining("; ")), details)), null, c.now());
                }
                Instant next = c.analysis().stream()
                        .map(run -> Analysis.nextMeasurementAt(run.template(), stageStarted, run.measurements()))
                        .flatMap(Optional::stream).min(Comparator.naturalOrder()).orElse(c.now().plusSeconds(1));
                return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(), progress, List.of(), null, next);
            }
            case AWAIT -> {
                List<HasMetadata> writes = writes(c, active, slot, preview, false);
                if (c.fastTrack() || options.autoPromote()) {
                    Instant at = c.fastTrack() ? c.now() : stageStarted.plusSeconds(options.autoPromoteDelaySeconds());
                    if (!c.now().isBefore(at)) {
                        return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(), next(progress, Stage.SWITCH,
                                c.now()), c.fastTrack() ? List.of() : List.of(Note.of("PROMOTED", "Promoted automatically"
                                + (options.autoPromoteDelaySeconds() > 0 ? " after " + options.autoPromoteDelaySeconds()
                                + " s of preview" : ""))), null, c.now());
                    }
                    return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(), progress, List.of(), null, at);
                }
                String why = "v" + target.release() + " is ready in the " + slot + " slot (Service "
                        + Manifests.previewName(target.app()) + "); promote to switch the app's traffic to it";
                return new Step(RolloutPhase.PAUSED, why, writes, List.of(), progress.with(Progress.HELD, true),
                        List.of(Note.of("AWAITING_PROMOTION", why)), null, null);
            }
            case SWITCH -> {
                if (at(c.deployments().get(Manifests.slotName(target.app(), slot)), target.release(), full)) {
                    List<String> post = c.fastTrack() || progress.flag(Progress.FULL) ? List.of()
                            : DeploySettings.BlueGreen.templates(options.postPromotionAnalysis());
                    return new Step(RolloutPhase.PROGRESSING, null, writes(c, active, slot, full, true), List.of(),
                            next(progress, post.isEmpty() ? Stage.SCALE_DOWN : Stage.POST_ANALYSIS, c.now())
                                    .with(Progress.SWITCHED_AT, c.now()),
                            List.of(new Note("SWITCHED", "The app's Service now sends all requests to v" + target.release()
                                    + " in the " + slot + " slot; v" + stable.release() + " stays up in the " + active
                                    + " slot for " + options.scaleDownDelaySeconds() + " s for an instant rollback",
                                    Map.of("slot", slot))), null, c.now(), new Step.Serving(true, slot));
                }
                if (!c.now().isBefore(deadline)) {
                    return failure(c, progress, "v" + target.release() + " did not grow to " + pods(full) + " in the " + slot
                            + " slot within " + target.rolling().progressDeadlineSeconds() + " s", Map.of());
                }
                return new Step(RolloutPhase.PROGRESSING, null, writes(c, active, slot, full, false), List.of(), progress,
                        List.of(), deadline, deadline);
            }
            case SCALE_DOWN -> {
                Instant switched = progress.instant(Progress.SWITCHED_AT).orElse(stageStarted);
                Instant until = switched.plusSeconds(c.fastTrack() && options.scaleDownDelaySeconds() == 0 ? 0
                        : options.scaleDownDelaySeconds());
                List<HasMetadata> writes = writes(c, active, slot, full, true);
                if (!c.now().isBefore(until)) {
                    writes.removeIf(o -> o.getMetadata().getName().equals(Manifests.slotName(target.app(), active)));
                    writes.add(Manifests.slotDeployment(stable.withReplicas(0), active));
                    return new Step(RolloutPhase.SUCCEEDED, "v" + target.release() + " is live", writes, List.of(),
                            progress, List.of(new Note("SUCCEEDED", "v" + target.release() + " serves from the " + slot
                            + " slot; the " + active + " slot (v" + stable.release() + ") is scaled to 0",
                            Map.of("slot", slot))), null, null, new Step.Serving(true, slot));
                }
                return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(), progress, List.of(), null, until);
            }
        }
        throw new IllegalStateException("Unknown stage " + stage);
    }

    /**
     * A rollback to the release the idle slot still runs, inside its scale-down delay: switch the Service
     * back to it, no pod starts. Its pods keep the labels of the release they were started for.
     */
    private Optional<Step> instantSwitch(PassContext c, Progress progress, String active, String idle) {
        @Nullable Integer source = c.rollbackOf();
        @Nullable Deployment idleDeployment = c.deployments().get(Manifests.slotName(c.target().app(), idle));
        if (source == null || idleDeployment == null || Workloads.desiredReplicas(idleDeployment) < c.target().replicas()
                || !Workloads.converged(idleDeployment, source)) {
            return Optional.empty();
        }
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        List<HasMetadata> writes = new ArrayList<>();
        Manifests.configMap(stable).ifPresent(writes::add);
        Manifests.secret(stable).ifPresent(writes::add);
        writes.add(Manifests.activeService(c.target(), idle));
        writes.add(Manifests.previewService(c.target(), active));
        writes.addAll(Manifests.route(c.target(), null));
        return Optional.of(new Step(RolloutPhase.PROGRESSING, null, writes, List.of(),
                next(progress, Stage.SCALE_DOWN, c.now()).with(Progress.SWITCHED_AT, c.now())
                        .with(Progress.INSTANT, true),
                List.of(new Note("SWITCHED", "Instant rollback: the app's Service switched back to the " + idle
                        + " slot, whose " + c.target().replicas() + " pods of v" + source + " were still up; no pod"
                        + " started", Map.of("slot", idle))), null, c.now(), new Step.Serving(true, idle)));
    }

    /** The first release: straight into the blue slot at full size, with the app's Service on it. */
    private Step first(PassContext c, Progress progress, String slot) {
        WorkloadSpec target = c.target();
        List<HasMetadata> writes = new ArrayList<>(RollingStrategy.objects(target, false));
        writes.removeIf(o -> o instanceof Deployment || o instanceof io.fabric8.kubernetes.api.model.Service
                || o instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler);
        writes.add(Manifests.activeService(target, slot));
        writes.add(Manifests.slotDeployment(target, slot));
        if (at(c.deployments().get(Manifests.slotName(target.app(), slot)), target.release(), target.replicas())) {
            return new Step(RolloutPhase.SUCCEEDED, "v" + target.release() + " is live", writes, List.of(), progress,
                    List.of(new Note("SUCCEEDED", "v" + target.release() + " runs on " + pods(target.replicas())
                            + " in the " + slot + " slot", Map.of("slot", slot))), null, null, new Step.Serving(true, slot));
        }
        Instant deadline = progress.instant(Progress.STEP_STARTED_AT).orElse(c.now())
                .plusSeconds(target.rolling().progressDeadlineSeconds());
        if (!c.now().isBefore(deadline)) {
            return new Step(RolloutPhase.FAILED, "v" + target.release() + " did not get ready within "
                    + target.rolling().progressDeadlineSeconds() + " s, and nothing ran before it", writes, List.of(),
                    progress, List.of(Note.of("FAILED", "Nothing ran before v" + target.release() + " to go back to")),
                    null, null);
        }
        return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(), progress, List.of(), deadline, deadline);
    }

    /** Paused by a user or held for a promotion: everything stays as it is. */
    private Step hold(PassContext c) {
        WorkloadSpec target = c.target();
        if (c.stable() == null) {
            return new Step(RolloutPhase.PAUSED, null, List.of(), List.of(), c.progress(), List.of(), null, null);
        }
        String slot = targetSlot(c);
        if (c.activeSlot() == null) {
            // paused before the running release moved into a slot: nothing to hold yet
            return new Step(RolloutPhase.PAUSED, null, List.of(), List.of(), c.progress(), List.of(), null, null);
        }
        String active = c.activeSlot();
        Stage stage = stage(c.progress());
        boolean switched = c.progress().instant(Progress.SWITCHED_AT).isPresent();
        int preview = Objects.requireNonNull(c.blueGreen()).previewReplicas() == null ? target.replicas()
                : Math.min(target.replicas(), c.blueGreen().previewReplicas());
        List<HasMetadata> writes = writes(c, active, slot, switched || stage == Stage.SWITCH ? target.replicas() : preview,
                switched);
        return new Step(RolloutPhase.PAUSED, null, writes, List.of(), c.progress(), List.of(), null, null);
    }

    /**
     * Back to the stable release: the app's Service on its slot (one write, so the switch back is
     * instant), the new release's slot scaled to zero.
     */
    private Step rollingBack(PassContext c) {
        boolean aborted = c.progress().flag(Progress.ABORTED);
        if (c.stable() == null) {
            // an aborted first release: nothing ran before it, so stopping it means running none of its pods
            String slot = targetSlot(c);
            List<HasMetadata> stopped = List.of(Manifests.slotDeployment(c.target().withReplicas(0), slot));
            String why = "Nothing ran before v" + c.target().release() + ", so its " + slot + " slot was scaled to 0 pods";
            return new Step(aborted ? RolloutPhase.ABORTED : RolloutPhase.FAILED, null, stopped, List.of(), c.progress(),
                    List.of(Note.of(aborted ? "ABORTED" : "FAILED", why)), null, null);
        }
        WorkloadSpec stable = c.stable();
        String slot = targetSlot(c);
        List<HasMetadata> writes = back(c);
        String active = c.activeSlot() == null ? other(slot) : c.activeSlot();
        @Nullable Deployment stableDeployment = c.activeSlot() == null ? c.live()
                : c.deployments().get(Manifests.slotName(stable.app(), active));
        @Nullable Deployment targetDeployment = c.deployments().get(Manifests.slotName(stable.app(), slot));
        boolean targetGone = targetDeployment == null || Workloads.desiredReplicas(targetDeployment) == 0
                && Workloads.podsOf(c.pods(), c.target().release()).isEmpty();
        Step.Serving serving = c.progress().instant(Progress.SWITCHED_AT).isPresent()
                ? new Step.Serving(false, c.activeSlot() == null ? null : active) : null;
        boolean stableUp = Workloads.converged(stableDeployment, stable.release());
        if (stableUp && targetGone) {
            String how = "All requests go to v" + stable.release() + (c.activeSlot() == null ? "" : " in the " + active
                    + " slot") + "; the " + slot + " slot is scaled to 0";
            return new Step(aborted ? RolloutPhase.ABORTED : RolloutPhase.ROLLED_BACK, null, writes, List.of(),
                    c.progress(), List.of(Note.of(aborted ? "ABORTED" : "ROLLED_BACK", how)), null, null, serving);
        }
        return RollingStrategy.stillGoingBack(c, stable, writes, serving);
    }

    private Step failure(PassContext c, Progress progress, String reason, Map<String, String> details) {
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        boolean switched = progress.instant(Progress.SWITCHED_AT).isPresent();
        List<Note> notes = List.of(new Note("FAILURE", reason, details), Note.of("ROLLBACK", (switched
                ? "Switched the app's Service back to v" : "The app's traffic stays on v") + stable.release()
                + "; the new release's slot is scaled to 0"));
        Instant deadline = c.now().plusSeconds(stable.rolling().progressDeadlineSeconds());
        String slot = targetSlot(c);
        String active = c.activeSlot() == null ? other(slot) : c.activeSlot();
        return new Step(RolloutPhase.ROLLING_BACK, reason, back(c), List.of(),
                progress.with(Progress.ROLLBACK_STARTED_AT, c.now()).without(Progress.HELD), notes, deadline, deadline,
                switched ? new Step.Serving(false, c.activeSlot() == null ? null : active) : null);
    }

    /** The stable release serving from its slot (or its one Deployment, before a migration), the new one on none. */
    private static List<HasMetadata> back(PassContext c) {
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        String slot = targetSlot(c);
        List<HasMetadata> writes = new ArrayList<>();
        if (c.activeSlot() == null) {
            // not moved into a slot yet: the release still serves from its own Deployment, which stays as it was
            writes.addAll(RollingStrategy.objects(stable, false));
            if (c.deployments().containsKey(Manifests.slotName(stable.app(), other(slot)))) {
                writes.add(Manifests.slotDeployment(stable.withReplicas(0), other(slot)));
            }
        } else {
            String active = c.activeSlot() == null ? other(slot) : c.activeSlot();
            Manifests.configMap(stable).ifPresent(writes::add);
            Manifests.secret(stable).ifPresent(writes::add);
            writes.add(Manifests.slotDeployment(fixedStable(c), active));
            writes.add(Manifests.activeService(stable, active));
            writes.addAll(Manifests.route(stable, null));
        }
        if (c.deployments().containsKey(Manifests.slotName(stable.app(), slot))) {
            writes.add(Manifests.slotDeployment(c.target().withReplicas(0), slot));
        }
        return writes;
    }

    /**
     * The objects while both slots run: the stable release on its slot at full size, the new release on
     * the other with {@code pods}, the preview Service on the new one and the app's Service on the
     * active one, or on the new one once switched.
     */
    private static List<HasMetadata> writes(PassContext c, String active, String slot, int pods, boolean switched) {
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        WorkloadSpec target = c.target();
        List<HasMetadata> writes = new ArrayList<>();
        if (target.createNamespace()) {
            writes.add(Manifests.namespace(target));
        }
        Manifests.configMap(stable).ifPresent(writes::add);
        Manifests.secret(stable).ifPresent(writes::add);
        Manifests.configMap(target).ifPresent(writes::add);
        Manifests.secret(target).ifPresent(writes::add);
        writes.add(Manifests.slotDeployment(fixedStable(c), active));
        if (!c.progress().flag(Progress.INSTANT)) {
            // after an instant switch the slot's pods were started for an older release and already serve:
            // writing the new release number into their template would replace every one of them
            writes.add(Manifests.slotDeployment(target.withReplicas(pods), slot));
        }
        String serving = switched ? slot : active;
        writes.add(Manifests.activeService(switched ? target : stable, serving));
        writes.add(Manifests.previewService(target, switched ? active : slot));
        writes.addAll(Manifests.route(target, null));
        if (c.canary() != null) {
            // a canary this rollout superseded keeps no share of the requests through its own Ingress
            writes.addAll(Manifests.closedCanary(target));
        }
        return writes;
    }

    private static Progress next(Progress progress, Stage stage, Instant now) {
        return progress.with(Progress.STAGE, stage).with(Progress.STEP_STARTED_AT, now).without(Progress.HELD);
    }

    private static boolean at(@Nullable Deployment deployment, int release, int pods) {
        return deployment != null && Workloads.desiredReplicas(deployment) == pods
                && Workloads.converged(deployment, release);
    }

    private static Map<String, String> details(List<MetricRun> runs) {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        for (MetricRun run : runs) {
            details.put(run.key(), run.values());
        }
        return details;
    }

    private static String pods(int count) {
        return count + (count == 1 ? " pod" : " pods");
    }
}
