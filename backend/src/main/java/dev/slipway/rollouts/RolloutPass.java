package dev.slipway.rollouts;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.CanarySteps;
import dev.slipway.apps.DeploySettings;
import dev.slipway.apps.DeployStrategy;
import dev.slipway.config.ConfigService;
import dev.slipway.encryption.TamperedValueException;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.kubernetes.ForeignObjectException;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.kubernetes.KubernetesWrites;
import dev.slipway.kubernetes.Labels;
import dev.slipway.kubernetes.Manifests;
import dev.slipway.kubernetes.WorkloadObserver;
import dev.slipway.kubernetes.WorkloadSpec;
import dev.slipway.kubernetes.WriteOutcome;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseView;
import dev.slipway.releases.RunningRelease;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One reconcile pass over one rollout: lock it, look, decide, act at most once, persist once. The row
 * lock is held for the whole pass, so two engines can never act on the same rollout at the same time.
 */
@Component
class RolloutPass {

    private static final Logger log = LoggerFactory.getLogger(RolloutPass.class);

    /** What the engine should do after a pass. */
    record Outcome(boolean busy, @Nullable Instant checkAgainAt) {

        static final Outcome DONE = new Outcome(false, null);
        static final Outcome BUSY = new Outcome(true, null);
    }

    private final RolloutRepository rollouts;
    private final RolloutEventRepository events;
    /** Releases whose ConfigMap and Secret stay in the cluster for a quick rollback. */
    static final int CONFIG_KEPT = 5;

    private final ReleaseService releases;
    private final ConfigService configs;
    private final AppService apps;
    private final EnvironmentService environments;
    private final KubernetesClients clients;
    private final WorkloadObserver observer;
    private final ApplicationEventPublisher publisher;
    private final EngineProperties properties;
    private final Clock clock;
    private final CanaryAnalysis analyses;

    RolloutPass(RolloutRepository rollouts, RolloutEventRepository events, ReleaseService releases, AppService apps,
                EnvironmentService environments, KubernetesClients clients, WorkloadObserver observer,
                ApplicationEventPublisher publisher, EngineProperties properties, ConfigService configs, Clock clock, CanaryAnalysis analyses) {
        this.analyses = analyses;
        this.configs = configs;
        this.rollouts = rollouts;
        this.events = events;
        this.releases = releases;
        this.apps = apps;
        this.environments = environments;
        this.clients = clients;
        this.observer = observer;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(long rolloutId) {
        Rollout rollout = rollouts.lockForPass(rolloutId).orElse(null);
        if (rollout == null) {
            return rollouts.existsById(rolloutId) ? Outcome.BUSY : Outcome.DONE;
        }
        if (!rollout.phase().active()) {
            return Outcome.DONE;
        }
        Instant now = clock.instant();
        AppRef app = apps.ref(rollout.appId());
        EnvironmentView environment = environments.byId(rollout.environmentId());
        ReleaseView target = releases.get(rollout.releaseId());
        @Nullable ReleaseView stable = rollout.stableReleaseId() == null ? null : releases.get(rollout.stableReleaseId());
        String cluster = environment.cluster();
        boolean synced;
        try {
            synced = observer.watch(cluster);
        } catch (RuntimeException e) {
            // no client for the cluster (its settings are incomplete): like an unreachable API, wait and retry
            return apiTrouble(rollout, app, environment, now, e);
        }
        if (!synced) {
            // The informer caches are still loading; deciding on an empty cache would redo finished work.
            return new Outcome(false, now.plusSeconds(1));
        }
        WorkloadSpec targetSpec;
        @Nullable WorkloadSpec stableSpec;
        try {
            targetSpec = Workloads.spec(app, environment, target, configs.bundle(target.configVersionId()));
            stableSpec = stable == null ? null
                    : Workloads.spec(app, environment, stable, configs.bundle(stable.configVersionId()));
        } catch (TamperedValueException e) {
            // retrying cannot help: the stored secret was altered, and only setting it again can
            String why = "A secret of this release's config could not be decrypted: " + e.getMessage()
                    + " Set the app's secrets again in " + environment.name() + " and deploy.";
            rollout.moveTo(RolloutPhase.FAILED, why, now);
            record(rollout, now, List.of(Note.of("FAILED", why)));
            return finish(rollout, app, environment, Outcome.DONE);
        }
        Map<String, Deployment> deployments = new HashMap<>();
        observer.deployments(cluster, targetSpec.namespace(), app.name(), environment.name())
                .forEach(d -> deployments.put(d.getMetadata().getName(), d));
        @Nullable Deployment live = deployments.get(app.name());
        @Nullable Deployment canary = deployments.get(Manifests.canaryName(app.name()));
        List<Pod> pods = observer.pods(cluster, targetSpec.namespace(), app.name(), environment.name());
        @Nullable CanarySteps steps = rollout.strategy() == DeployStrategy.CANARY
                ? target.settings().deploy().steps() : null;
        DeploySettings.@Nullable BlueGreen blueGreen = rollout.strategy() == DeployStrategy.BLUE_GREEN
                ? target.settings().deploy().blueGreenOrDefaults() : null;
        Progress seen = rollout.progress();
        if (blueGreen != null && !seen.values().containsKey(Progress.ACTIVE_SLOT)) {
            // remembered from the first pass: once the new release serves, the running release is no longer stable
            @Nullable String slot = releases.running(app.id(), rollout.environmentId())
                    .filter(r -> stable != null && r.release().id() == stable.id()).map(RunningRelease::slot).orElse(null);
            seen = seen.with(Progress.ACTIVE_SLOT, slot == null ? Progress.NO_SLOT : slot);
        }
        // the slot the stable release serves from: remembered for blue-green; for the other strategies what
        // is recorded now, looked up only while slots exist (passes run on every pod event)
        boolean slots = deployments.containsKey(Manifests.slotName(app.name(), Labels.BLUE))
                || deployments.containsKey(Manifests.slotName(app.name(), Labels.GREEN));
        @Nullable String activeSlot = blueGreen != null
                ? (Progress.NO_SLOT.equals(seen.values().get(Progress.ACTIVE_SLOT)) ? null
                        : seen.values().get(Progress.ACTIVE_SLOT))
                : !slots ? null : releases.running(app.id(), rollout.environmentId())
                        .filter(r -> stable != null && r.release().id() == stable.id()).map(RunningRelease::slot)
                        .orElse(null);
        List<Note> measured = new ArrayList<>();
        Instant stepStarted = seen.instant(Progress.STEP_STARTED_AT).orElse(now);
        List<MetricRun> analysis = List.of();
        List<MetricRun> background = List.of();
        if (stable != null && !rollout.fastTrack() && rollout.phase() == RolloutPhase.PROGRESSING) {
            Progress p = seen;
            if (steps != null) {
                int index = CanaryStrategy.index(steps, p);
                Instant backgroundAt = p.instant(Progress.BACKGROUND_AT).orElse(now);
                int run = CanaryStrategy.BACKGROUND + p.integer(Progress.BACKGROUND_RUN);
                background = CanaryStrategy.backgroundAt(steps, p).map(b -> analyses.measure(rollout.id(),
                        run, "Background", b.templates(), Labels.CANARY_SLOT, environment, app,
                        target, backgroundAt, now, measured)).orElse(List.of());
                analysis = CanaryStrategy.analysisAt(steps, p).map(a -> analyses.measure(rollout.id(), index,
                        "Step " + (index + 1), a.templates(), Labels.CANARY_SLOT, environment, app, target,
                        stepStarted, now, measured)).orElse(List.of());
            } else if (blueGreen != null) {
                String slot = p.values().getOrDefault(Progress.SLOT, "");
                analysis = BlueGreenStrategy.analysisAt(p, blueGreen, false).map(a -> analyses.measure(rollout.id(),
                        a.getKey(), a.getKey() == BlueGreenStrategy.PRE ? "Pre-promotion" : "Post-promotion",
                        a.getValue(), slot, environment, app, target, stepStarted, now, measured))
                        .orElse(List.of());
            }
        }
        PassContext context = new PassContext(rollout.phase(), seen, rollout.fastTrack(),
                rollout.startedAt(), now, targetSpec, stableSpec, live, canary, pods, properties.crashLoopRestarts(),
                steps, analysis, background, deployments, activeSlot, blueGreen, target.rollbackOf());

        Step step = strategy(rollout.strategy()).next(context);
        List<Note> notes = new ArrayList<>();
        try {
            KubernetesClient client = clients.client(cluster);
            for (HasMetadata object : unwritten(step.writes(), deployments)) {
                WriteOutcome outcome = KubernetesWrites.apply(client, object);
                if (outcome != WriteOutcome.UNCHANGED) {
                    notes.add(applied(outcome, object));
                }
            }
            for (HasMetadata object : withLeftovers(step, rollout.strategy(), targetSpec, deployments)) {
                if (deleteIfManaged(client, object)) {
                    notes.add(Note.of("DELETED", "Deleted " + object.getKind() + " " + object.getMetadata().getName()
                            + ": this release does not use it"));
                }
            }
        } catch (ForeignObjectException e) {
            rollout.moveTo(RolloutPhase.FAILED, e.getMessage(), now);
            record(rollout, now, List.of(Note.of("FAILED", e.getMessage())));
            return finish(rollout, app, environment, Outcome.DONE);
        } catch (KubernetesClientException | IllegalStateException e) {
            if (!retriable(e)) {
                String why = "Kubernetes refused a change: " + message(e);
                rollout.moveTo(RolloutPhase.FAILED, why, now);
                record(rollout, now, List.of(Note.of("FAILED", why)));
                return finish(rollout, app, environment, Outcome.DONE);
            }
            return apiTrouble(rollout, app, environment, now, e);
        }

        // what was measured, then the decision, then the writes that carried it out
        notes.addAll(0, step.notes());
        notes.addAll(0, measured);
        Progress progress = step.progress().without(Progress.API_FAILURES);
        boolean moved = step.phase() != rollout.phase();
        if (moved || step.reason() != null) {
            rollout.moveTo(step.phase(), step.reason(), now);
        }
        rollout.keep(progress, step.deadline(), step.checkAgainAt());
        if (step.serving() != null) {
            releases.markRunning(step.serving().target() ? target : java.util.Objects.requireNonNull(stable),
                    step.serving().slot());
        } else if (step.phase() == RolloutPhase.SUCCEEDED) {
            releases.markRunning(target);
        } else if (stable != null && rollout.strategy() != DeployStrategy.BLUE_GREEN && activeSlot != null
                && (step.phase() == RolloutPhase.ROLLED_BACK || step.phase() == RolloutPhase.ABORTED)) {
            // back on a release that ran in a slot, now in the app's own Deployment: the slots are gone
            releases.markRunning(stable, null);
        }
        if (step.phase() == RolloutPhase.SUCCEEDED) {
            notes.addAll(cleanUpConfig(app, environment, rollout.environmentId(), targetSpec.namespace()));
        }
        record(rollout, now, notes);
        Outcome outcome = new Outcome(false, step.checkAgainAt());
        // a pass that only confirmed what was already true tells nobody
        return moved || !notes.isEmpty() ? finish(rollout, app, environment, outcome) : outcome;
    }

    /**
     * The objects of a step that may still need writing. The namespace and Service are written before
     * the Deployment, so when the informer's copy of the Deployment already holds what this step wants,
     * they are in place too and the pass needs no API call for them. Without this, every pass triggered
     * by a pod event would read each object from the API server again.
     */
    private static List<HasMetadata> unwritten(List<HasMetadata> writes, Map<String, Deployment> live) {
        int last = -1;
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i) instanceof Deployment deployment) {
                if (!KubernetesWrites.upToDate(deployment, live.get(deployment.getMetadata().getName()))) {
                    return writes;
                }
                last = i;
            }
        }
        return last < 0 ? writes : writes.subList(last + 1, writes.size());
    }

    /**
     * The step's deletes, and once a rollout ended well, what another strategy left behind: blue-green
     * slots and the preview Service after a rolling or canary release, a canary after a blue-green one.
     * Only then, so a strategy change never takes pods away from a release that still serves.
     */
    private static List<HasMetadata> withLeftovers(Step step, DeployStrategy strategy, WorkloadSpec target,
                                                   Map<String, Deployment> live) {
        if (step.phase() != RolloutPhase.SUCCEEDED && step.phase() != RolloutPhase.ROLLED_BACK
                && step.phase() != RolloutPhase.ABORTED) {
            return step.deletes();
        }
        List<HasMetadata> deletes = new ArrayList<>(step.deletes());
        if (strategy != DeployStrategy.CANARY) {
            // a superseded canary's exact split: its Ingress and Services go too (none without a router)
            deletes.addAll(Manifests.routeLeftovers(target));
        }
        if (strategy == DeployStrategy.BLUE_GREEN) {
            if (live.containsKey(Manifests.canaryName(target.app()))) {
                deletes.add(Manifests.canaryDeployment(target));
            }
        } else if (live.containsKey(Manifests.slotName(target.app(), Labels.BLUE))
                || live.containsKey(Manifests.slotName(target.app(), Labels.GREEN))) {
            for (String slot : List.of(Labels.BLUE, Labels.GREEN)) {
                if (live.containsKey(Manifests.slotName(target.app(), slot))) {
                    deletes.add(Manifests.slotDeployment(target, slot));
                }
            }
            deletes.add(Manifests.previewService(target, Labels.BLUE));
        }
        return deletes;
    }

    /**
     * Deletes config objects no recent release refers to. The newest {@value #CONFIG_KEPT} releases keep
     * theirs, so rolling back to one of them starts pods at once; an older one gets its objects rebuilt from
     * its pinned config version. A failure here only delays the clean-up until the next successful rollout.
     */
    private List<Note> cleanUpConfig(AppRef app, EnvironmentView environment, long environmentId, String namespace) {
        try {
            List<ReleaseView> history = releases.history(app.id(), environmentId);
            if (history.stream().allMatch(r -> r.configVersionId() == null)) {
                return List.of(); // no release ever had config here, so there is nothing to look for
            }
            Set<String> keep = new HashSet<>();
            for (ReleaseView release : history.stream().limit(CONFIG_KEPT).toList()) {
                keep.addAll(configs.objectNames(app.name(), release.configVersionId()));
            }
            List<String> deleted = KubernetesWrites.deleteConfigObjectsExcept(clients.client(environment.cluster()),
                    namespace, app.name(), environment.name(), keep);
            return deleted.isEmpty() ? List.of() : List.of(Note.of("CLEANED_UP", "Deleted " + String.join(", ", deleted)
                    + ": no release among the newest " + CONFIG_KEPT + " uses them"));
        } catch (RuntimeException e) {
            log.warn("Could not clean up old config objects of {} in {}: {}", app.name(), environment.name(), message(e));
            return List.of();
        }
    }

    private static RolloutStrategy strategy(DeployStrategy kind) {
        return switch (kind) {
            case ROLLING -> new RollingStrategy();
            case CANARY -> new CanaryStrategy();
            case BLUE_GREEN -> new BlueGreenStrategy();
        };
    }

    /**
     * The API server or the network failed: keep the rollout where it is and try again later, waiting
     * longer each time. Such failures never decide a rollout by themselves; the progress deadline does.
     */
    private Outcome apiTrouble(Rollout rollout, AppRef app, EnvironmentView environment, Instant now, RuntimeException e) {
        Progress progress = rollout.progress();
        int failures = progress.integer(Progress.API_FAILURES) + 1;
        Duration wait = properties.apiRetryBase().multipliedBy(1L << Math.min(failures - 1, 10));
        if (wait.compareTo(properties.apiRetryMax()) > 0) {
            wait = properties.apiRetryMax();
        }
        Instant retryAt = now.plus(wait);
        log.warn("Kubernetes API call for rollout {} of {} in {} failed ({} in a row), retrying in {}: {}",
                rollout.id(), app.name(), environment.name(), failures, wait, message(e));
        rollout.keep(progress.with(Progress.API_FAILURES, failures), rollout.deadlineAt(), retryAt);
        record(rollout, now, List.of(new Note("API_ERROR", "The Kubernetes API of cluster " + environment.cluster()
                + " failed: " + message(e) + ". Trying again in " + wait.toSeconds() + " s.",
                Map.of("failures", Integer.toString(failures)))));
        return finish(rollout, app, environment, new Outcome(false, retryAt));
    }

    /**
     * Server errors, throttling, conflicts that outlasted the retries, timeouts and broken connections
     * pass by themselves; a refusal (400, 401, 403, 404, 422) does not, so retrying it would only hide it.
     */
    static boolean retriable(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        if (e instanceof KubernetesClientException k) {
            int code = k.getCode();
            return code <= 0 || code == 408 || code == 409 || code == 429 || code >= 500;
        }
        return true;
    }

    private static String message(RuntimeException e) {
        String message = e instanceof KubernetesClientException k && k.getStatus() != null
                && k.getStatus().getMessage() != null ? k.getStatus().getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static boolean deleteIfManaged(KubernetesClient client, HasMetadata object) {
        HasMetadata existing = client.resource(object).get();
        if (existing == null || existing.getMetadata().getLabels() == null
                || !Labels.SLIPWAY.equals(existing.getMetadata().getLabels().get(Labels.MANAGED_BY))) {
            return false;
        }
        client.resource(existing).delete();
        return true;
    }

    private static Note applied(WriteOutcome outcome, HasMetadata object) {
        String verb = outcome == WriteOutcome.CREATED ? "Created " : "Updated ";
        String what = object.getKind() + " " + object.getMetadata().getName();
        if (object instanceof Deployment deployment) {
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
            String release = Workloads.templateRelease(deployment).map(r -> "v" + r).orElse("?");
            boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
            Integer replicas = deployment.getSpec().getReplicas();
            return new Note("APPLIED", verb + what + " for " + release + " (" + image + (paused ? ", paused" : "")
                    + (replicas == null ? "" : ", " + replicas + " pods") + ")",
                    Map.of("kind", object.getKind(), "name", object.getMetadata().getName(), "release", release,
                            "image", image));
        }
        return new Note("APPLIED", verb + what, Map.of("kind", object.getKind(), "name", object.getMetadata().getName()));
    }

    private void record(Rollout rollout, Instant now, List<Note> notes) {
        for (Note note : notes) {
            events.save(new RolloutEvent(rollout.id(), now, note));
        }
    }

    private Outcome finish(Rollout rollout, AppRef app, EnvironmentView environment, Outcome outcome) {
        publisher.publishEvent(new RolloutChanged(rollout.id(), app.name(), environment.name()));
        return outcome;
    }
}
