package dev.slipway.rollouts;

import dev.slipway.analysis.Analysis;
import dev.slipway.analysis.Verdict;
import dev.slipway.apps.CanarySteps;
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
 * A canary after Argo Rollouts: the new release runs in a second Deployment ({@code <app>-canary}) beside
 * the stable one, behind the app's one Service, and gets a growing share of the requests by the ratio of
 * pods, step by step ({@code setWeight}, {@code pause}, {@code analysis}). After the last step the stable
 * Deployment takes the new release and the canary is scaled to zero. A failure or an abort scales the
 * canary to zero at once and gives the stable Deployment all its pods back; its release is never touched.
 *
 * <p>The first release, a rollback and a redeploy of what runs already are known quantities (or have
 * nothing to compare with), so they roll out like the rolling strategy, without steps or analysis.
 */
final class CanaryStrategy implements RolloutStrategy {

    private final RollingStrategy rolling = new RollingStrategy();

    @Override
    public Step next(PassContext c) {
        if (c.fastTrack() || c.stable() == null || c.steps() == null) {
            return rolling.next(c);
        }
        Step step = switch (c.phase()) {
            case PROGRESSING -> withBackground(c, c.progress(), progressing(c));
            case PAUSED -> hold(c, c.progress(), RolloutPhase.PAUSED, null, List.of(), null);
            case ROLLING_BACK -> rollingBack(c);
            case SUCCEEDED, ROLLED_BACK, ABORTED, SUPERSEDED, FAILED ->
                    throw new IllegalStateException("A finished rollout has no next step");
        };
        return withoutLeftovers(c, step);
    }

    /**
     * Idle blue-green slots go at once (the app's Service selects every pod of the app); an autoscaler of
     * the stable release goes while the canary runs, since it would resize the stable share.
     */
    private static Step withoutLeftovers(PassContext c, Step step) {
        List<HasMetadata> deletes = new ArrayList<>(step.deletes());
        deletes.addAll(RollingStrategy.idleSlots(c));
        WorkloadSpec stable = c.stable();
        if (stable != null && stable.autoscaling() != null && step.phase() != RolloutPhase.ROLLING_BACK
                && step.phase().active()) {
            Manifests.autoscaler(stable).ifPresent(deletes::add);
        }
        if (deletes.size() == step.deletes().size()) {
            return step;
        }
        return new Step(step.phase(), step.reason(), step.writes(), deletes, step.progress(), step.notes(),
                step.deadline(), step.checkAgainAt(), step.serving());
    }

    /** The analysis step the rollout is at, if it is at one: the pass measures its metrics before deciding. */
    static Optional<CanarySteps.Analysis> analysisAt(CanarySteps steps, Progress progress) {
        int index = index(steps, progress);
        return index < steps.steps().size() && steps.steps().get(index) instanceof CanarySteps.Analysis a
                ? Optional.of(a) : Optional.empty();
    }

    /** The step being carried out; the number of steps once all are done or skipped. */
    static int index(CanarySteps steps, Progress progress) {
        return progress.flag(Progress.FULL) ? steps.steps().size()
                : Math.min(progress.integer(Progress.STEP), steps.steps().size());
    }

    /** Where measurements of the background analysis are stored, apart from any step's (plus its run). */
    static final int BACKGROUND = 1000;

    /** The background analysis, once the canary passed its line and until it finishes. */
    static Optional<CanarySteps.Background> backgroundAt(CanarySteps steps, Progress progress) {
        if (progress.flag(Progress.FULL)) {
            return Optional.empty(); // promoted fully: no more analysis of any kind
        }
        int index = index(steps, progress);
        for (int i = 0; i < index && i < steps.steps().size(); i++) {
            if (steps.steps().get(i) instanceof CanarySteps.Background b) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The share of requests the canary has (or is getting) at a step: the last weight set up to it. */
    static int weightAt(CanarySteps steps, int index) {
        int weight = 0;
        for (int i = 0; i <= index && i < steps.steps().size(); i++) {
            if (steps.steps().get(i) instanceof CanarySteps.SetWeight w) {
                weight = w.percent();
            }
        }
        return index >= steps.steps().size() ? 100 : weight;
    }

    private Step progressing(PassContext c) {
        CanarySteps steps = Objects.requireNonNull(c.steps());
        WorkloadSpec target = c.target();
        Progress progress = c.progress();
        if (progress.instant(Progress.STEP_STARTED_AT).isEmpty()) {
            progress = progress.with(Progress.STEP_STARTED_AT, c.now());
        }
        Instant stepStarted = progress.instant(Progress.STEP_STARTED_AT).orElseThrow();
        int index = index(steps, progress);
        int total = steps.steps().size();

        Optional<Pod> crashing = Workloads.crashLooping(c.pods(), target.release(), c.crashLoopRestarts());
        if (crashing.isPresent()) {
            Pod pod = crashing.get();
            return failure(c, progress, "Pod " + pod.getMetadata().getName() + " of the canary v" + target.release()
                    + " is crash-looping (restarted " + Workloads.restarts(pod) + " times)" + where(steps, index),
                    Map.of("pod", pod.getMetadata().getName(), "restarts", Integer.toString(Workloads.restarts(pod))));
        }
        Optional<Step> background = background(c, progress, steps, index);
        if (background.isPresent()) {
            return background.get();
        }
        if (index >= total) {
            return takeOver(c, progress, stepStarted);
        }
        CanarySteps.CanaryStep step = steps.steps().get(index);
        int weight = weightAt(steps, index);
        CanaryScale scale = CanaryScale.of(target.replicas(), weight);
        return switch (step) {
            case CanarySteps.SetWeight w -> {
                if (reached(c, scale)) {
                    yield advance(c, progress, index, new Note("WEIGHT", "Step " + (index + 1) + " of " + total
                            + ": " + (target.route() == null ? scale.describe(w.percent()) : scale.describeExact(
                            w.percent(), target.route().gatewayApi() ? "the Gateway API route" : "ingress-nginx")),
                            Map.of("step", Integer.toString(index + 1),
                            "weight", Integer.toString(w.percent()), "actualWeight", Integer.toString(scale.actualPercent()),
                            "canaryPods", Integer.toString(scale.canary()), "stablePods", Integer.toString(scale.stable()))));
                }
                Instant deadline = stepStarted.plusSeconds(target.rolling().progressDeadlineSeconds());
                if (!c.now().isBefore(deadline) || Workloads.deadlineExceeded(c.canary())) {
                    yield failure(c, progress, "The canary did not get " + scale.canary() + " ready "
                            + (scale.canary() == 1 ? "pod" : "pods") + " within " + target.rolling().progressDeadlineSeconds()
                            + " s" + where(steps, index), Map.of("canaryPods", Integer.toString(scale.canary())));
                }
                yield new Step(RolloutPhase.PROGRESSING, null, split(c, scale, weight), List.of(), progress, List.of(), deadline,
                        deadline);
            }
            case CanarySteps.Pause p when p.duration() == null -> hold(c, progress.with(Progress.HELD, true),
                    RolloutPhase.PAUSED, "Paused at step " + (index + 1) + " of " + total + " with " + weight
                            + "% of requests on v" + target.release() + ", until someone promotes",
                    List.of(Note.of("PAUSED", "Step " + (index + 1) + " of " + total + ": paused with " + weight
                            + "% of requests on the canary, until someone promotes")), null);
            case CanarySteps.Pause p -> {
                Instant until = stepStarted.plus(Objects.requireNonNull(p.duration()));
                if (!c.now().isBefore(until)) {
                    yield advance(c, progress, index, Note.of("PAUSE_DONE", "Step " + (index + 1) + " of " + total
                            + ": paused " + CanarySteps.format(p.duration()) + " with " + weight
                            + "% of requests on the canary"));
                }
                yield new Step(RolloutPhase.PROGRESSING, null, split(c, scale, weight), List.of(), progress, List.of(), null,
                        until);
            }
            case CanarySteps.Analysis a -> analysis(c, progress, steps, index, weight, scale, stepStarted);
            case CanarySteps.Background b -> advance(c, progress.with(Progress.BACKGROUND_AT, c.now()), index,
                    Note.of("BACKGROUND", "From step " + (index + 1) + " of " + total + " on, " + String.join(" and ",
                            b.templates()) + " are measured in the background until the canary finishes"));
        };
    }

    /**
     * A failed background analysis aborts whatever step runs; an inconclusive one pauses. Otherwise the
     * step goes on, and the pass comes back when the next background measurement is due.
     */
    private Optional<Step> background(PassContext c, Progress progress, CanarySteps steps, int index) {
        if (c.background().isEmpty()) {
            return Optional.empty();
        }
        int weight = weightAt(steps, Math.min(index, steps.steps().size() - 1));
        String at = index >= steps.steps().size() ? "while taking over"
                : "at step " + (index + 1) + " of " + steps.steps().size() + ", weight " + weight + "%";
        Map<String, String> details = details(c.background(), index, weight);
        for (MetricRun run : c.background()) {
            Verdict verdict = run.verdict();
            if (verdict.status() == Verdict.Status.FAILED) {
                return Optional.of(failure(c, progress, "Background analysis failed " + at + ": " + verdict.explanation(),
                        details));
            }
            if (verdict.status() == Verdict.Status.INCONCLUSIVE) {
                String why = "Background analysis inconclusive " + at + ": " + verdict.explanation()
                        + ". Promote to go on, or abort";
                return Optional.of(hold(c, progress.with(Progress.HELD, true).with(Progress.BACKGROUND_HELD, true),
                        RolloutPhase.PAUSED, why, List.of(new Note("INCONCLUSIVE", why, details)), null));
            }
        }
        return Optional.empty();
    }

    /** The earlier of a step's own next look and the next background measurement. */
    private static Step withBackground(PassContext c, Progress progress, Step step) {
        if (!step.phase().active() || c.background().isEmpty()) {
            return step;
        }
        Instant started = progress.instant(Progress.BACKGROUND_AT).orElse(c.now());
        Optional<Instant> next = c.background().stream()
                .map(run -> Analysis.nextMeasurementAt(run.template(), started, run.measurements()))
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
        if (next.isEmpty() || step.checkAgainAt() != null && step.checkAgainAt().isBefore(next.get())) {
            return step;
        }
        return new Step(step.phase(), step.reason(), step.writes(), step.deletes(), step.progress(), step.notes(),
                step.deadline(), next.get());
    }

    /** Judges the metrics the pass measured: all passed goes on, one failed aborts, inconclusive pauses. */
    private Step analysis(PassContext c, Progress progress, CanarySteps steps, int index, int weight, CanaryScale scale,
                          Instant stepStarted) {
        int total = steps.steps().size();
        String at = "at step " + (index + 1) + " of " + total + ", weight " + weight + "%";
        List<Verdict> verdicts = c.analysis().stream().map(MetricRun::verdict).toList();
        Map<String, String> details = details(c.analysis(), index, weight);
        Optional<Verdict> failed = verdicts.stream().filter(v -> v.status() == Verdict.Status.FAILED).findFirst();
        if (failed.isPresent()) {
            return failure(c, progress, "Analysis failed " + at + ": " + failed.get().explanation(), details);
        }
        Optional<Verdict> inconclusive = verdicts.stream()
                .filter(v -> v.status() == Verdict.Status.INCONCLUSIVE).findFirst();
        if (inconclusive.isPresent()) {
            String why = "Analysis inconclusive " + at + ": " + inconclusive.get().explanation()
                    + ". Promote to go on, or abort";
            return hold(c, progress.with(Progress.HELD, true), RolloutPhase.PAUSED, why,
                    List.of(new Note("INCONCLUSIVE", why, details)), null);
        }
        if (!verdicts.isEmpty() && verdicts.stream().allMatch(v -> v.status() == Verdict.Status.SUCCESSFUL)) {
            return advance(c, progress, index, new Note("ANALYSIS_PASSED", "Analysis passed " + at + ": "
                    + verdicts.stream().map(Verdict::explanation).collect(Collectors.joining("; ")), details));
        }
        Instant next = c.analysis().stream()
                .map(run -> Analysis.nextMeasurementAt(run.template(), stepStarted, run.measurements()))
                .flatMap(Optional::stream).min(Comparator.naturalOrder()).orElse(c.now().plusSeconds(1));
        return new Step(RolloutPhase.PROGRESSING, null, split(c, scale, weight), List.of(), progress, List.of(), null, next);
    }

    /** The measured values behind an analysis decision, for the timeline's details. */
    private static Map<String, String> details(List<MetricRun> runs, int index, int weight) {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("step", Integer.toString(index + 1));
        details.put("weight", Integer.toString(weight));
        for (MetricRun run : runs) {
            details.put(run.key(), run.values());
            details.put(run.key() + ".success", run.template().success().toString());
            if (run.template().failure() != null) {
                details.put(run.key() + ".failure", run.template().failure().toString());
            }
        }
        return details;
    }

    /**
     * All steps done, or skipped by promote-full: the stable Deployment takes the new release at full size
     * while the canary keeps serving; once the stable Deployment runs it everywhere, the canary goes to zero.
     */
    private Step takeOver(PassContext c, Progress progress, Instant stepStarted) {
        WorkloadSpec target = c.target();
        List<HasMetadata> writes = new ArrayList<>(RollingStrategy.objects(target, false));
        if (Workloads.converged(c.live(), target.release())
                && Workloads.desiredReplicas(Objects.requireNonNull(c.live())) == target.replicas()) {
            writes.add(Manifests.canaryDeployment(target.withReplicas(0)));
            writes.addAll(Manifests.closedCanary(target));
            return new Step(RolloutPhase.SUCCEEDED, "v" + target.release() + " is live", writes,
                    Manifests.routeLeftovers(target), progress,
                    List.of(new Note("SUCCEEDED", "v" + target.release() + " runs on all " + target.replicas()
                            + " stable pods; the canary is scaled to 0", Map.of("pods", Integer.toString(target.replicas())))),
                    null, null);
        }
        if (c.canary() != null) {
            // the canary keeps its pods until the stable Deployment can serve everything; written after the
            // Deployments, so a pass that finds both up to date still writes the canary Ingress's weight 0
            writes.add(Manifests.canaryDeployment(target.withReplicas(Workloads.desiredReplicas(c.canary()))));
            writes.addAll(Manifests.closedCanary(target));
        }
        Instant deadline = stepStarted.plusSeconds(target.rolling().progressDeadlineSeconds());
        if (!c.now().isBefore(deadline) || Workloads.templateRelease(c.live()).filter(r -> r == target.release())
                .isPresent() && Workloads.deadlineExceeded(c.live())) {
            return failure(c, progress, "The stable Deployment did not take over v" + target.release() + " within "
                    + target.rolling().progressDeadlineSeconds() + " s", Map.of());
        }
        return new Step(RolloutPhase.PROGRESSING, null, writes, List.of(), progress, List.of(), deadline, deadline);
    }

    /** Moves on to the next step at once; the next pass starts it. */
    private Step advance(PassContext c, Progress progress, int index, Note done) {
        CanarySteps steps = Objects.requireNonNull(c.steps());
        Progress next = progress.with(Progress.STEP, index + 1).with(Progress.STEP_STARTED_AT, c.now())
                .without(Progress.HELD);
        List<Note> notes = new ArrayList<>(List.of(done));
        if (index + 1 == steps.steps().size()) {
            notes.add(Note.of("TAKE_OVER", "All steps done: the stable Deployment takes v" + c.target().release()
                    + " on all " + c.target().replicas() + " pods"));
        }
        int weight = weightAt(steps, index);
        CanaryScale scale = CanaryScale.of(c.target().replicas(), weight);
        return new Step(RolloutPhase.PROGRESSING, null, split(c, scale, weight), List.of(), next, notes, null, c.now());
    }

    /** Keeps the split as it is: paused by a user, by a pause step or by an inconclusive analysis. */
    private Step hold(PassContext c, Progress progress, RolloutPhase phase, @Nullable String reason, List<Note> notes,
                      @Nullable Instant checkAgainAt) {
        CanarySteps steps = Objects.requireNonNull(c.steps());
        int index = index(steps, progress);
        if (index >= steps.steps().size()) {
            List<HasMetadata> writes = new ArrayList<>(RollingStrategy.objects(c.target(), true));
            if (c.canary() != null) {
                writes.add(Manifests.canaryDeployment(c.target().withReplicas(Workloads.desiredReplicas(c.canary()))));
            }
            return new Step(phase, reason, writes, List.of(), progress, notes, null, checkAgainAt);
        }
        int weight = weightAt(steps, index);
        CanaryScale scale = CanaryScale.of(c.target().replicas(), weight);
        return new Step(phase, reason, split(c, scale, weight), List.of(), progress, notes, null, checkAgainAt);
    }

    /**
     * Back to the stable release: the canary goes to zero pods in this very pass, so requests stop reaching
     * it as soon as Kubernetes removes its endpoints, and the stable Deployment gets all its pods back.
     */
    private Step rollingBack(PassContext c) {
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        boolean aborted = c.progress().flag(Progress.ABORTED);
        List<HasMetadata> writes = back(c);
        boolean canaryGone = c.canary() == null || Workloads.desiredReplicas(c.canary()) == 0
                && Workloads.podsOf(c.pods(), c.target().release()).isEmpty();
        if (Workloads.converged(c.live(), stable.release()) && canaryGone) {
            String how = "All requests go to v" + stable.release() + " again, on " + stable.replicas()
                    + " pods; the canary is scaled to 0";
            if (stable.route() != null) {
                writes.removeIf(o -> Manifests.isRoute(o) || o.getMetadata().getName().equals(
                        Manifests.stableServiceName(stable.app())) || o instanceof io.fabric8.kubernetes.api.model.Service
                        && o.getMetadata().getName().equals(Manifests.canaryName(stable.app())));
                writes.addAll(Manifests.route(stable, null));
            }
            return new Step(aborted ? RolloutPhase.ABORTED : RolloutPhase.ROLLED_BACK, null, writes,
                    Manifests.routeLeftovers(stable),
                    c.progress(), List.of(Note.of(aborted ? "ABORTED" : "ROLLED_BACK", how)), null, null);
        }
        return RollingStrategy.stillGoingBack(c, stable, writes, null);
    }

    /** The canary failed: back to stable in the same pass, with the reason and the values behind it. */
    private Step failure(PassContext c, Progress progress, String reason, Map<String, String> details) {
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        List<Note> notes = List.of(new Note("FAILURE", reason, details),
                Note.of("ROLLBACK", "All requests go back to v" + stable.release() + "; the canary is scaled to 0"));
        Instant deadline = c.now().plusSeconds(stable.rolling().progressDeadlineSeconds());
        return new Step(RolloutPhase.ROLLING_BACK, reason, back(c), List.of(),
                progress.with(Progress.ROLLBACK_STARTED_AT, c.now()).without(Progress.HELD), notes, deadline, deadline);
    }

    /** The stable release on all its pods, the canary on none. */
    private static List<HasMetadata> back(PassContext c) {
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        List<HasMetadata> writes = new ArrayList<>(RollingStrategy.objects(stable, false));
        if (c.canary() != null) {
            writes.add(Manifests.canaryDeployment(c.target().withReplicas(0)));
            if (stable.route() != null) {
                // the route's weight goes to 0 in this pass; the canary's pods may take a moment to stop
                writes.removeIf(Manifests::isRoute);
                writes.add(Manifests.stableService(stable));
                writes.add(Manifests.canaryService(c.target()));
                writes.addAll(Manifests.route(stable, 0));
            }
        }
        return writes;
    }

    /**
     * The objects of a split: the stable release with its share of pods, the new release's config, then the
     * canary Deployment with the rest. Config first, so no canary pod starts without it.
     */
    private static List<HasMetadata> split(PassContext c, CanaryScale scale, int weight) {
        WorkloadSpec target = c.target();
        WorkloadSpec stable = Objects.requireNonNull(c.stable());
        List<HasMetadata> writes = new ArrayList<>(RollingStrategy.objects(stable.withReplicas(scale.stable()), false));
        Manifests.configMap(target).ifPresent(writes::add);
        Manifests.secret(target).ifPresent(writes::add);
        writes.add(Manifests.canaryDeployment(target.withReplicas(scale.canary())));
        if (target.route() != null) {
            // exact weights: each side gets its own Service, and the route splits between them
            writes.removeIf(Manifests::isRoute);
            writes.add(Manifests.stableService(stable));
            writes.add(Manifests.canaryService(target));
            writes.addAll(Manifests.route(target, weight));
        }
        return writes;
    }

    /**
     * The canary runs its share of pods, all ready, and the stable Deployment was told its share. The
     * stable pods' health is not waited for: a stable release that is already unhealthy must not hold up
     * the release that may fix it (a complaint Argo Rollouts users know).
     */
    private static boolean reached(PassContext c, CanaryScale scale) {
        @Nullable Deployment stable = c.live();
        return stable != null && Workloads.desiredReplicas(stable) == scale.stable()
                && Workloads.templateRelease(stable).filter(r -> r == Objects.requireNonNull(c.stable()).release())
                .isPresent()
                && at(c.canary(), c.target().release(), scale.canary());
    }

    private static boolean at(@Nullable Deployment deployment, int release, int pods) {
        return deployment != null && Workloads.desiredReplicas(deployment) == pods
                && Workloads.converged(deployment, release);
    }

    private static String where(CanarySteps steps, int index) {
        return index >= steps.steps().size() ? " while taking over"
                : " at step " + (index + 1) + " of " + steps.steps().size();
    }
}
