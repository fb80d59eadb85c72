package dev.slipway.rollouts;

import dev.slipway.kubernetes.Labels;
import dev.slipway.kubernetes.Manifests;
import dev.slipway.kubernetes.WorkloadSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes' own rolling update, watched and undone by Slipway: Kubernetes replaces pods a few at a time
 * but never goes back by itself, so Slipway rolls back to the stable release when the new one crash-loops
 * or makes no progress within the deadline.
 */
final class RollingStrategy implements RolloutStrategy {

    @Override
    public Step next(PassContext c) {
        Step step = switch (c.phase()) {
            case PROGRESSING -> progressing(c);
            case PAUSED -> paused(c);
            case ROLLING_BACK -> rollingBack(c);
            case SUCCEEDED, ROLLED_BACK, ABORTED, SUPERSEDED, FAILED ->
                    throw new IllegalStateException("A finished rollout has no next step");
        };
        return withoutCanary(c, step);
    }

    /**
     * A rolling update leaves no canary behind: one left by a superseded canary rollout is deleted at
     * once, so the release it runs stops getting requests.
     */
    private static Step withoutCanary(PassContext c, Step step) {
        List<HasMetadata> deletes = new ArrayList<>(step.deletes());
        if (c.canary() != null) {
            deletes.add(Manifests.canaryDeployment(c.target()));
        }
        deletes.addAll(idleSlots(c));
        if (deletes.size() == step.deletes().size()) {
            return step;
        }
        return new Step(step.phase(), step.reason(), step.writes(), deletes, step.progress(), step.notes(),
                step.deadline(), step.checkAgainAt(), step.serving());
    }

    /**
     * Blue-green slots that do not serve the stable release, e.g. the preview of a superseded blue-green
     * rollout: the app's Service selects every pod of the app once it runs in one Deployment, so such a
     * slot would get requests it was never promoted to.
     */
    static List<HasMetadata> idleSlots(PassContext c) {
        List<HasMetadata> idle = new ArrayList<>();
        for (String slot : List.of(Labels.BLUE, Labels.GREEN)) {
            String name = Manifests.slotName(c.target().app(), slot);
            if (c.deployments().containsKey(name) && !slot.equals(c.activeSlot())) {
                idle.add(Manifests.slotDeployment(c.target(), slot));
            }
        }
        return idle;
    }

    private Step progressing(PassContext c) {
        WorkloadSpec target = c.target();
        List<HasMetadata> writes = objects(target, false);
        Progress progress = c.progress();
        List<Note> notes = new ArrayList<>();
        if (progress.instant(Progress.LAST_PROGRESS_AT).isEmpty()) {
            progress = progress.with(Progress.LAST_PROGRESS_AT, c.now());
        }

        Optional<Pod> crashing = Workloads.crashLooping(c.pods(), target.release(), c.crashLoopRestarts());
        if (crashing.isPresent()) {
            Pod pod = crashing.get();
            return failure(c, progress, notes, "Pod " + pod.getMetadata().getName() + " of v" + target.release()
                    + " is crash-looping: restarted " + times(Workloads.restarts(pod))
                    + Workloads.waitingReason(pod).map(r -> ", waiting in " + r).orElse(""),
                    Map.of("pod", pod.getMetadata().getName(), "restarts", Integer.toString(Workloads.restarts(pod)),
                            "limit", Integer.toString(c.crashLoopRestarts())));
        }
        if (Workloads.templateRelease(c.live()).filter(r -> r == target.release()).isPresent()
                && Workloads.deadlineExceeded(c.live())) {
            return failure(c, progress, notes, "Kubernetes reports that v" + target.release() + " made no progress within "
                    + target.rolling().progressDeadlineSeconds() + " s (ProgressDeadlineExceeded)",
                    Map.of("deadlineSeconds", Integer.toString(target.rolling().progressDeadlineSeconds())));
        }

        int ready = (int) Workloads.podsOf(c.pods(), target.release()).stream().filter(Workloads::ready).count();
        if (ready > progress.integer(Progress.READY)) {
            progress = progress.with(Progress.READY, ready).with(Progress.LAST_PROGRESS_AT, c.now());
            notes.add(new Note("PROGRESS", ready + " of " + desired(c, target) + " pods of v" + target.release()
                    + " are ready", Map.of("ready", Integer.toString(ready), "desired", Integer.toString(desired(c, target)))));
        }
        if (Workloads.converged(c.live(), target.release())) {
            notes.add(new Note("SUCCEEDED", "v" + target.release() + " runs on all " + desired(c, target) + " pods",
                    Map.of("pods", Integer.toString(desired(c, target)))));
            return new Step(RolloutPhase.SUCCEEDED, "v" + target.release() + " is live", writes, hpaLeftovers(c, target),
                    progress, notes, null, null);
        }
        Instant deadline = progress.instant(Progress.LAST_PROGRESS_AT).orElse(c.now())
                .plusSeconds(target.rolling().progressDeadlineSeconds());
        if (!c.now().isBefore(deadline)) {
            return failure(c, progress, notes, "No progress for " + target.rolling().progressDeadlineSeconds()
                    + " s: " + ready + " of " + desired(c, target) + " pods of v" + target.release() + " ready",
                    Map.of("ready", Integer.toString(ready), "desired", Integer.toString(desired(c, target)),
                            "deadlineSeconds", Integer.toString(target.rolling().progressDeadlineSeconds())));
        }
        return new Step(RolloutPhase.PROGRESSING, null, writes, hpaLeftovers(c, target), progress, notes, deadline,
                deadline);
    }

    /** Holds the Deployment too, so Kubernetes stops replacing pods while the user looks. */
    private Step paused(PassContext c) {
        return new Step(RolloutPhase.PAUSED, null, objects(c.target(), true), List.of(), c.progress(), List.of(),
                null, null);
    }

    private Step rollingBack(PassContext c) {
        boolean aborted = c.progress().flag(Progress.ABORTED);
        WorkloadSpec stable = c.stable();
        if (stable == null) {
            // Nothing ran before this release: stopping it means running no pods of it.
            List<HasMetadata> stopped = objects(c.target(), false);
            stopped.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                    .forEach(d -> d.getSpec().setReplicas(0));
            String why = "Nothing ran before v" + c.target().release() + ", so it was scaled to 0 pods";
            return new Step(aborted ? RolloutPhase.ABORTED : RolloutPhase.FAILED, null, stopped, List.of(), c.progress(),
                    List.of(Note.of(aborted ? "ABORTED" : "FAILED", why)), null, null);
        }
        List<HasMetadata> writes = objects(stable, false);
        if (Workloads.converged(c.live(), stable.release())) {
            String how = "v" + stable.release() + " runs again on all " + desired(c, stable) + " pods";
            return new Step(aborted ? RolloutPhase.ABORTED : RolloutPhase.ROLLED_BACK, null, writes,
                    hpaLeftovers(c, stable), c.progress(), List.of(Note.of(aborted ? "ABORTED" : "ROLLED_BACK", how)),
                    null, null);
        }
        return stillGoingBack(c, stable, writes, null);
    }

    /**
     * Going back to the stable release is not done yet: keep at it until the progress deadline, counted
     * from when going back started, then fail saying so. Shared by every strategy.
     *
     * @param serving what a step of the strategy says about the release behind the app's Service
     */
    static Step stillGoingBack(PassContext c, WorkloadSpec stable, List<HasMetadata> writes,
                               Step.@Nullable Serving serving) {
        Instant started = c.progress().instant(Progress.ROLLBACK_STARTED_AT).orElse(c.now());
        Instant deadline = started.plusSeconds(stable.rolling().progressDeadlineSeconds());
        if (!c.now().isBefore(deadline)) {
            String why = "Going back to v" + stable.release() + " did not finish within "
                    + stable.rolling().progressDeadlineSeconds() + " s; look at its pods";
            return new Step(RolloutPhase.FAILED, why, writes, List.of(), c.progress(), List.of(Note.of("FAILED", why)),
                    null, null, serving);
        }
        Progress progress = c.progress().instant(Progress.ROLLBACK_STARTED_AT).isPresent()
                ? c.progress() : c.progress().with(Progress.ROLLBACK_STARTED_AT, c.now());
        return new Step(RolloutPhase.ROLLING_BACK, null, writes, List.of(), progress, List.of(), deadline, deadline,
                serving);
    }

    /**
     * The new release failed: go back to the stable one in the same pass. With nothing to go back to the
     * rollout fails and the pods stay as they are, so their logs can be read.
     */
    private Step failure(PassContext c, Progress progress, List<Note> notes, String reason, Map<String, String> details) {
        List<Note> all = new ArrayList<>(notes);
        all.add(new Note("FAILURE", reason, details));
        WorkloadSpec stable = c.stable();
        if (stable == null) {
            all.add(Note.of("FAILED", "Nothing ran before v" + c.target().release() + " to go back to"));
            return new Step(RolloutPhase.FAILED, reason, List.of(), List.of(), progress, all, null, null);
        }
        all.add(Note.of("ROLLBACK", "Rolling back to v" + stable.release()));
        Instant deadline = c.now().plusSeconds(stable.rolling().progressDeadlineSeconds());
        return new Step(RolloutPhase.ROLLING_BACK, reason, objects(stable, false), List.of(),
                progress.with(Progress.ROLLBACK_STARTED_AT, c.now()), all, deadline, deadline);
    }

    /** Everything the release needs in the cluster, in the order it must be created. */
    static List<HasMetadata> objects(WorkloadSpec spec, boolean paused) {
        List<HasMetadata> objects = new ArrayList<>();
        if (spec.createNamespace()) {
            objects.add(Manifests.namespace(spec));
        }
        // config before the Deployment that refers to it, so no pod starts without it
        Manifests.configMap(spec).ifPresent(objects::add);
        Manifests.secret(spec).ifPresent(objects::add);
        objects.add(Manifests.service(spec));
        objects.addAll(Manifests.route(spec, null));
        Deployment deployment = Manifests.deployment(spec);
        if (paused) {
            deployment.getSpec().setPaused(true);
        }
        objects.add(deployment);
        Manifests.autoscaler(spec).ifPresent(objects::add);
        return objects;
    }

    /**
     * An autoscaler left from a release that had one would keep resizing a release that has none.
     * Removed only when the live Deployment shows that an HPA still owns its replicas.
     */
    private static List<HasMetadata> hpaLeftovers(PassContext c, WorkloadSpec spec) {
        if (spec.autoscaling() != null || c.live() == null || c.live().getSpec().getReplicas() != null) {
            return List.of();
        }
        HorizontalPodAutoscaler stale = new HorizontalPodAutoscalerBuilder().withNewMetadata()
                .withName(spec.app()).withNamespace(spec.namespace()).endMetadata().build();
        return List.of(stale);
    }

    private static String times(int restarts) {
        return restarts == 1 ? "once" : restarts + " times";
    }

    private static int desired(PassContext c, WorkloadSpec spec) {
        @Nullable Deployment live = c.live();
        if (spec.autoscaling() != null && live != null) {
            return Workloads.desiredReplicas(live);
        }
        return spec.replicas();
    }

}
