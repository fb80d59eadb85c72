package dev.slipway.rollouts;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.AppView;
import dev.slipway.apps.CanarySteps;
import dev.slipway.apps.DeployStrategy;
import dev.slipway.apps.ImageReferences;
import dev.slipway.audit.AuditLog;
import dev.slipway.config.ConfigService;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.kubernetes.KubernetesWrites;
import dev.slipway.kubernetes.Manifests;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseSettings;
import dev.slipway.releases.ReleaseView;
import dev.slipway.releases.RunningRelease;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import dev.slipway.teams.TeamRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users do to get releases running: deploy, roll back, pause, resume, abort, remove, and what they
 * look at while it happens. Commands only change the rollout's record; the engine carries them out.
 * DEVELOPERs of the owning team may act; protected environments need a MAINTAINER.
 */
@Service
public class DeployService {

    /** Who deploys when nobody does: the name releases, timelines and the audit log show. */
    static final Actor AUTOMATION = new Actor(0L, "auto-deploy", false);

    private final AppService apps;
    private final EnvironmentService environments;
    private final ReleaseService releases;
    private final RolloutRepository rollouts;
    private final RolloutEventRepository events;
    private final LiveState live;
    private final KubernetesClients clients;
    private final AuditLog audit;
    private final ConfigService configs;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final AnalysisMeasurements measurements;

    DeployService(AppService apps, EnvironmentService environments, ReleaseService releases, RolloutRepository rollouts,
                  RolloutEventRepository events, LiveState live, KubernetesClients clients, AuditLog audit,
                  ConfigService configs, ApplicationEventPublisher publisher, Clock clock,
                  AnalysisMeasurements measurements) {
        this.measurements = measurements;
        this.configs = configs;
        this.apps = apps;
        this.environments = environments;
        this.releases = releases;
        this.rollouts = rollouts;
        this.events = events;
        this.live = live;
        this.clients = clients;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Makes the next release from an image and rolls it out. A rollout still in flight for the same
     * environment is superseded: the new one starts from whatever the cluster runs.
     */
    @Transactional
    public RolloutView deploy(Actor actor, String appName, String environmentName, DeployRequest request) {
        return deploy(actor, appName, environmentName, request, null);
    }

    /**
     * A deploy on behalf of another feature, which says where it came from for the timeline, e.g.
     * "promoted from staging v3, requested by ana".
     */
    @Transactional
    public RolloutView deploy(Actor actor, String appName, String environmentName, DeployRequest request,
                              @Nullable String origin) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = authorize(actor, appName, environment, "deploy");
        return release(actor, app, environment, request, origin);
    }

    /**
     * A deploy no user started: a successful build deploying itself to an environment the team chose
     * for that. Never into a protected environment, where every deploy needs a maintainer.
     */
    @Transactional
    public RolloutView deployAutomatically(long appId, String environmentName, String image, String origin) {
        EnvironmentView environment = environments.get(environmentName);
        if (environment.protectedEnvironment()) {
            throw new ConflictException(environmentName + " is protected: deploys there need a maintainer, so Slipway"
                    + " does not deploy there on its own.");
        }
        return release(AUTOMATION, apps.ref(appId), environment, new DeployRequest(image, null), origin);
    }

    private RolloutView release(Actor actor, AppRef app, EnvironmentView environment, DeployRequest request,
                                @Nullable String origin) {
        String environmentName = environment.name();
        Planned plan = plan(app, environmentName, request);
        SandboxBehaviour behaviour = behaviour(request, environment);
        long environmentId = environments.idOf(environmentName);
        ReleaseView release = releases.create(app.id(), environmentId, plan.image(), plan.settings(),
                plan.configVersionId().orElse(null), behaviour, null, actor.username());
        return start(actor, app, environment, environmentId, release, plan.sameAsRunning(),
                "v" + release.number() + " deploy started by " + actor.username() + ": " + plan.image()
                        + plan.configVersionId().map(id -> ", config v" + configs.number(id)).orElse("")
                        + (behaviour == SandboxBehaviour.HEALTHY ? "" : " (sandbox pods: " + behaviour.description() + ")")
                        + (origin == null ? "" : "; " + origin));
    }

    /**
     * What {@link #deploy} with this request would change against what runs, without changing anything.
     * The team's VIEWERs may look: it shows nothing they cannot see elsewhere (secrets only by version).
     */
    @Transactional(readOnly = true)
    public DeployPreview preview(Actor actor, String appName, String environmentName, DeployRequest request) {
        environments.get(environmentName);
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        Planned plan = plan(app, environmentName, request);
        Optional<ReleaseView> running = plan.running();
        @Nullable Long runningConfig = running.map(ReleaseView::configVersionId).orElse(null);
        return new DeployPreview(running.map(ReleaseView::label).orElse(null),
                running.map(ReleaseView::image).orElse(null), plan.image(),
                runningConfig == null ? null : configs.number(runningConfig),
                plan.configVersionId().map(configs::number).orElse(null),
                configs.diff(runningConfig, plan.configVersionId().orElse(null)),
                SettingsDiff.between(running.map(ReleaseView::settings).orElse(null), plan.settings()),
                plan.sameAsRunning());
    }

    /** What a deploy would make: the image, the settings and config it would pin, and what runs now. */
    private record Planned(String image, ReleaseSettings settings, Optional<Long> configVersionId,
                           Optional<ReleaseView> running) {

        /** Redeploying exactly what runs needs no steps or analysis: it is known to work. */
        boolean sameAsRunning() {
            return running.filter(r -> r.image().equals(image) && r.settings().equals(settings)
                    && java.util.Objects.equals(r.configVersionId(), configVersionId.orElse(null))).isPresent();
        }
    }

    private Planned plan(AppRef app, String environmentName, DeployRequest request) {
        AppView settings = apps.view(app.id());
        String image = image(request, settings);
        long environmentId = environments.idOf(environmentName);
        ReleaseSettings snapshot = new ReleaseSettings(settings.port(), settings.livenessPath(), settings.readinessPath(),
                apps.deploySettings(app.id(), environmentId));
        return new Planned(image, snapshot, configs.currentVersionId(app.id(), environmentId),
                releases.running(app.id(), environmentId).map(RunningRelease::release));
    }

    /** Rolls an earlier release out again, as a new release with the old image and settings. */
    @Transactional
    public RolloutView rollback(Actor actor, String appName, String environmentName, int toRelease) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = authorize(actor, appName, environment, "roll back");
        long environmentId = environments.idOf(environmentName);
        ReleaseView source;
        try {
            source = releases.get(app.id(), environmentId, toRelease);
        } catch (NotFoundException e) {
            throw new InvalidInputException("release", "there is no release v" + toRelease + " of " + appName + " in "
                    + environmentName + "; the release history lists the ones there are");
        }
        ReleaseView release = releases.create(app.id(), environmentId, source.image(), source.settings(),
                source.configVersionId(), source.sandboxBehaviour(), source.number(), actor.username());
        return start(actor, app, environment, environmentId, release, true,
                "v" + release.number() + " rolls back to v" + source.number() + " (" + source.image() + "), started by "
                        + actor.username());
    }

    @Transactional
    public RolloutView pause(Actor actor, String appName, String environmentName) {
        return command(actor, appName, environmentName, "pause", rollout -> {
            requirePhase(rollout, "pause", RolloutPhase.PROGRESSING);
            rollout.moveTo(RolloutPhase.PAUSED, "Paused by " + actor.username(), clock.instant());
            rollout.keep(rollout.progress().with(Progress.PAUSED_AT, clock.instant()), rollout.deadlineAt(),
                    clock.instant());
            return Note.of("PAUSED", "Paused by " + actor.username() + "; Kubernetes stops replacing pods until resumed");
        });
    }

    @Transactional
    public RolloutView resume(Actor actor, String appName, String environmentName) {
        return command(actor, appName, environmentName, "resume", rollout -> {
            requirePhase(rollout, "resume", RolloutPhase.PAUSED);
            if (rollout.progress().flag(Progress.HELD)) {
                throw new ConflictException("The rollout paused itself (" + rollout.reason() + "). Promote to go on,"
                        + " or abort.");
            }
            Instant now = clock.instant();
            rollout.moveTo(RolloutPhase.PROGRESSING, "Resumed by " + actor.username(), now);
            // the time spent paused does not count against the progress deadline, a pause step or a delay
            Progress progress = rollout.progress().with(Progress.LAST_PROGRESS_AT, now).without(Progress.PAUSED_AT);
            Optional<Instant> pausedAt = rollout.progress().instant(Progress.PAUSED_AT);
            if (pausedAt.isPresent()) {
                Duration paused = Duration.between(pausedAt.get(), now);
                for (String key : List.of(Progress.STEP_STARTED_AT, Progress.SWITCHED_AT, Progress.BACKGROUND_AT)) {
                    Optional<Instant> at = rollout.progress().instant(key);
                    if (at.isPresent()) {
                        progress = progress.with(key, at.get().plus(paused));
                    }
                }
            }
            rollout.keep(progress, null, now);
            return Note.of("RESUMED", "Resumed by " + actor.username());
        });
    }

    /**
     * Canary: ends the current step now (a pause, an analysis, a weight still scaling) and goes on with
     * the next one. The only way on from a pause without end or an inconclusive analysis.
     */
    @Transactional
    public RolloutView promote(Actor actor, String appName, String environmentName) {
        return command(actor, appName, environmentName, "promote", rollout -> {
            requirePhase(rollout, "be promoted", RolloutPhase.PROGRESSING, RolloutPhase.PAUSED);
            if (rollout.strategy() == DeployStrategy.BLUE_GREEN) {
                return promoteBlueGreen(actor, rollout, false);
            }
            CanarySteps steps = canarySteps(rollout, "promote");
            if (rollout.progress().flag(Progress.BACKGROUND_HELD)) {
                // accepting an inconclusive background analysis: it measures afresh, the step goes on
                Instant now = clock.instant();
                rollout.moveTo(RolloutPhase.PROGRESSING, null, now);
                rollout.keep(rollout.progress().with(Progress.BACKGROUND_RUN,
                                rollout.progress().integer(Progress.BACKGROUND_RUN) + 1)
                        .with(Progress.BACKGROUND_AT, now).without(Progress.BACKGROUND_HELD).without(Progress.HELD),
                        null, now);
                return Note.of("PROMOTED", "Promoted by " + actor.username() + ": the inconclusive background analysis"
                        + " is accepted and starts measuring afresh");
            }
            int index = CanaryStrategy.index(steps, rollout.progress());
            if (index >= steps.steps().size()) {
                throw new ConflictException("All of the canary's steps are done; v" + releases.get(rollout.releaseId())
                        .number() + " is already taking over the stable Deployment.");
            }
            Instant now = clock.instant();
            rollout.moveTo(RolloutPhase.PROGRESSING, null, now);
            rollout.keep(rollout.progress().with(Progress.STEP, index + 1).with(Progress.STEP_STARTED_AT, now)
                    .without(Progress.HELD).with(Progress.LAST_PROGRESS_AT, now), null, now);
            return Note.of("PROMOTED", "Promoted by " + actor.username() + ": step " + (index + 1) + " of "
                    + steps.steps().size() + " (" + steps.line(index) + ") ended early"
                    + (index + 1 == steps.steps().size() ? "; the stable Deployment takes the new release" : ""));
        });
    }

    /** Canary: skips every remaining step and analysis; the stable Deployment takes the new release now. */
    @Transactional
    public RolloutView promoteFull(Actor actor, String appName, String environmentName) {
        return command(actor, appName, environmentName, "promote-full", rollout -> {
            requirePhase(rollout, "be promoted", RolloutPhase.PROGRESSING, RolloutPhase.PAUSED);
            if (rollout.strategy() == DeployStrategy.BLUE_GREEN) {
                return promoteBlueGreen(actor, rollout, true);
            }
            CanarySteps steps = canarySteps(rollout, "promote fully");
            int index = CanaryStrategy.index(steps, rollout.progress());
            Instant now = clock.instant();
            rollout.moveTo(RolloutPhase.PROGRESSING, null, now);
            rollout.keep(rollout.progress().with(Progress.FULL, true).with(Progress.STEP_STARTED_AT, now)
                    .without(Progress.HELD).with(Progress.LAST_PROGRESS_AT, now), null, now);
            int skipped = Math.max(0, steps.steps().size() - index);
            return Note.of("PROMOTED_FULL", "Fully promoted by " + actor.username() + ": " + skipped + " remaining "
                    + (skipped == 1 ? "step" : "steps") + " skipped, no more analysis; the stable Deployment takes"
                    + " the new release");
        });
    }

    /**
     * Rolls the release of the newest rollout out again from its first step, after it was aborted or
     * rolled back (e.g. once a dependency it needed is fixed). A new rollout of the same release.
     */
    @Transactional
    public RolloutView retry(Actor actor, String appName, String environmentName) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = authorize(actor, appName, environment, "retry rollouts");
        long environmentId = environments.idOf(environmentName);
        Rollout last = rollouts.findFirstByAppIdAndEnvironmentIdOrderByIdDesc(app.id(), environmentId)
                .orElseThrow(() -> new ConflictException("Nothing was rolled out to " + environmentName + " yet, so"
                        + " there is nothing to retry. Deploy instead."));
        if (last.phase() != RolloutPhase.ABORTED && last.phase() != RolloutPhase.ROLLED_BACK) {
            throw new ConflictException("The newest rollout of " + appName + " in " + environmentName + " is "
                    + last.phase().name().toLowerCase().replace('_', ' ') + "; only an aborted or rolled back"
                    + " rollout can be retried.");
        }
        ReleaseView release = releases.get(last.releaseId());
        return start(actor, app, environment, environmentId, release, false,
                "v" + release.number() + " retried from its first step by " + actor.username() + " (" + release.image()
                        + ")");
    }

    /**
     * Blue-green: before the switch, switch now (skipping the pre-promotion analysis or the wait); after an
     * inconclusive post-promotion analysis, accept it. Fully: no post-promotion analysis either.
     */
    private Note promoteBlueGreen(Actor actor, Rollout rollout, boolean full) {
        if (rollout.stableReleaseId() == null) {
            throw new ConflictException("This is the first release here: it serves as soon as it is ready, so there"
                    + " is nothing to promote.");
        }
        BlueGreenStrategy.Stage stage = BlueGreenStrategy.stage(rollout.progress());
        String active = rollout.progress().values().get(Progress.ACTIVE_SLOT);
        if (stage == BlueGreenStrategy.Stage.MIGRATE || active == null || Progress.NO_SLOT.equals(active)) {
            throw new ConflictException("The running release is still moving into a slot, before the new one starts"
                    + " beside it. Promote once the new release is ready in its slot.");
        }
        Instant now = clock.instant();
        Progress progress = rollout.progress().without(Progress.HELD).with(Progress.STEP_STARTED_AT, now)
                .with(Progress.LAST_PROGRESS_AT, now);
        String what;
        switch (stage) {
            case MIGRATE, PREVIEW, PRE_ANALYSIS, AWAIT -> {
                progress = progress.with(Progress.STAGE, BlueGreenStrategy.Stage.SWITCH);
                what = "the app's traffic switches to the new release once its slot is at full size";
            }
            case POST_ANALYSIS -> {
                progress = progress.with(Progress.STAGE, BlueGreenStrategy.Stage.SCALE_DOWN);
                what = "the post-promotion analysis is skipped";
            }
            case SWITCH -> throw new ConflictException("Already promoted: the new release's slot is growing to full"
                    + " size, then the app's traffic switches to it.");
            default -> throw new ConflictException("The app's traffic already goes to the new release; the old slot"
                    + " is scaled down when its delay is over. To go back, abort or roll back.");
        }
        if (full) {
            progress = progress.with(Progress.FULL, true);
        }
        rollout.moveTo(RolloutPhase.PROGRESSING, null, now);
        rollout.keep(progress, null, now);
        return Note.of(full ? "PROMOTED_FULL" : "PROMOTED", (full ? "Fully promoted by " : "Promoted by ")
                + actor.username() + ": " + what + (full ? ", without post-promotion analysis" : ""));
    }

    private CanarySteps canarySteps(Rollout rollout, String action) {
        if (rollout.strategy() != DeployStrategy.CANARY) {
            throw new ConflictException("Only a canary rollout has steps to " + action + "; this one is "
                    + rollout.strategy().name().toLowerCase() + ".");
        }
        if (rollout.fastTrack() || rollout.stableReleaseId() == null) {
            throw new ConflictException("This rollout runs without canary steps (" + (rollout.fastTrack()
                    ? "a rollback or a redeploy of what runs" : "nothing ran here before") + "), so there is no"
                    + " step to " + action + ".");
        }
        return releases.get(rollout.releaseId()).settings().deploy().steps();
    }

    /** Stops the rollout and puts the stable release back at once. */
    @Transactional
    public RolloutView abort(Actor actor, String appName, String environmentName) {
        return command(actor, appName, environmentName, "abort", rollout -> {
            requirePhase(rollout, "abort", RolloutPhase.PROGRESSING, RolloutPhase.PAUSED);
            Instant now = clock.instant();
            rollout.moveTo(RolloutPhase.ROLLING_BACK, "Aborted by " + actor.username(), now);
            rollout.keep(rollout.progress().with(Progress.ABORTED, true).with(Progress.ROLLBACK_STARTED_AT, now)
                            .without(Progress.HELD),
                    null, now);
            return Note.of("ABORT", "Aborted by " + actor.username() + "; going back to the stable release");
        });
    }

    /** Removes the app's objects from the environment's cluster; its releases stay in the history. */
    @Transactional
    public void remove(Actor actor, String appName, String environmentName) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = authorize(actor, appName, environment, "remove apps");
        long environmentId = environments.idOf(environmentName);
        if (rollouts.findActive(app.id(), environmentId).isPresent()) {
            throw new ConflictException("A rollout of " + appName + " in " + environmentName + " is in flight. Abort it"
                    + " first, then remove the app from the environment.");
        }
        String namespace = environment.namespaceFor(app.team(), app.name());
        KubernetesWrites.deleteWorkload(clients.client(environment.cluster()), namespace, app.name(), environment.name());
        releases.markRemoved(app.id(), environmentId);
        audit.record(actor, "app.removed-from-environment", "app", appName, app.team(),
                Map.of("environment", environmentName, "namespace", namespace));
    }

    /** Where the app stands in every environment, in promotion order. */
    @Transactional(readOnly = true)
    public List<EnvironmentStatus> overview(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return environments.list().stream().map(environment -> status(app, environment)).toList();
    }

    @Transactional(readOnly = true)
    public EnvironmentStatus status(Actor actor, String appName, String environmentName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return status(app, environments.get(environmentName));
    }

    /** Every release of the app in the environment, newest first, with how its rollout ended. */
    @Transactional(readOnly = true)
    public List<ReleaseHistoryEntry> history(Actor actor, String appName, String environmentName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        long environmentId = environments.idOf(environmentName);
        Map<Long, RolloutPhase> outcomes = rollouts.findByAppIdAndEnvironmentIdOrderByIdDesc(app.id(), environmentId)
                .stream().collect(Collectors.toMap(Rollout::releaseId, Rollout::phase, (newest, older) -> newest));
        Optional<Long> running = releases.running(app.id(), environmentId).map(r -> r.release().id());
        return releases.history(app.id(), environmentId).stream()
                .map(r -> new ReleaseHistoryEntry(r, outcomes.get(r.id()), running.filter(id -> id == r.id()).isPresent(),
                        r.configVersionId() == null ? null : configs.number(r.configVersionId())))
                .toList();
    }

    /**
     * Rollouts of the app in the environment that started or ended since {@code from}, oldest first, for
     * the markers on metric charts. The team's VIEWERs may look.
     */
    @Transactional(readOnly = true)
    public List<RolloutMark> marks(Actor actor, String appName, String environmentName, Instant from) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        long environmentId = environments.idOf(environmentName);
        List<RolloutMark> marks = new java.util.ArrayList<>();
        for (Rollout rollout : rollouts.findByAppIdAndEnvironmentIdOrderByIdDesc(app.id(), environmentId)) {
            if (rollout.finishedAt() != null && rollout.finishedAt().isBefore(from)) {
                break;
            }
            int release = releases.get(rollout.releaseId()).number();
            if (!rollout.startedAt().isBefore(from)) {
                marks.add(new RolloutMark(rollout.startedAt(), release, "started"));
            }
            if (rollout.finishedAt() != null) {
                marks.add(new RolloutMark(rollout.finishedAt(), release,
                        rollout.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
            }
        }
        marks.sort(java.util.Comparator.comparing(RolloutMark::at));
        return marks;
    }

    /** One rollout with its whole timeline. */
    @Transactional(readOnly = true)
    public RolloutView rollout(Actor actor, String appName, String environmentName, long rolloutId) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        long environmentId = environments.idOf(environmentName);
        Rollout rollout = rollouts.findById(rolloutId)
                .filter(r -> r.appId() == app.id() && r.environmentId() == environmentId)
                .orElseThrow(() -> new NotFoundException("There is no rollout " + rolloutId + " of " + appName + " in "
                        + environmentName + "."));
        return view(rollout);
    }

    private EnvironmentStatus status(AppRef app, EnvironmentView environment) {
        long environmentId = environments.idOf(environment.name());
        String namespace = environment.namespaceFor(app.team(), app.name());
        Optional<RunningRelease> running = releases.running(app.id(), environmentId);
        String deployment = running.map(RunningRelease::slot).map(slot -> Manifests.slotName(app.name(), slot))
                .orElse(app.name());
        return new EnvironmentStatus(environment, namespace, running.orElse(null),
                rollouts.findFirstByAppIdAndEnvironmentIdOrderByIdDesc(app.id(), environmentId).map(this::view).orElse(null),
                live.of(environment, namespace, app.name(), deployment));
    }

    private RolloutView start(Actor actor, AppRef app, EnvironmentView environment, long environmentId,
                              ReleaseView release, boolean fastTrack, String message) {
        Instant now = clock.instant();
        rollouts.lockActive(app.id(), environmentId)
                .ifPresent(active -> {
                    active.moveTo(RolloutPhase.SUPERSEDED, "Replaced by v" + release.number(), now);
                    events.save(new RolloutEvent(active.id(), now, Note.of("SUPERSEDED", "Replaced by v"
                            + release.number() + ", deployed by " + actor.username())));
                    rollouts.flush();
                });
        Long stable = releases.running(app.id(), environmentId).map(r -> r.release().id()).orElse(null);
        Rollout rollout;
        try {
            rollout = rollouts.saveAndFlush(new Rollout(app.id(), environmentId, release.id(), stable,
                    release.settings().deploy().strategy(), fastTrack, actor.username(), now));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Another rollout of " + app.name() + " in " + environment.name()
                    + " started at the same moment. Look at the environment and deploy again if needed.", e);
        }
        if (rollout.strategy() == DeployStrategy.BLUE_GREEN && (fastTrack || stable == null)) {
            message += fastTrack ? "; fast-tracked: no analysis, no waiting for a promotion"
                    : "; it serves as soon as it is ready: nothing runs here yet to keep";
        }
        if (rollout.strategy() == DeployStrategy.CANARY && (fastTrack || stable == null)) {
            message += fastTrack ? "; no canary steps: it brings back a release that ran here"
                    : "; no canary steps: nothing runs here yet to compare it with";
        }
        events.save(new RolloutEvent(rollout.id(), now, Note.of("STARTED", message)));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("environment", environment.name());
        details.put("release", "v" + release.number());
        details.put("image", release.image());
        if (release.configVersionId() != null) {
            details.put("config", "v" + configs.number(release.configVersionId()));
        }
        if (release.rollbackOf() != null) {
            details.put("rollbackOf", "v" + release.rollbackOf());
        }
        audit.record(actor, release.rollbackOf() == null ? "app.deployed" : "app.rolled-back", "app", app.name(),
                app.team(), details);
        publisher.publishEvent(new RolloutChanged(rollout.id(), app.name(), environment.name()));
        return view(rollout);
    }

    private RolloutView command(Actor actor, String appName, String environmentName, String action,
                                Function<Rollout, Note> change) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = authorize(actor, appName, environment, action + " rollouts");
        long environmentId = environments.idOf(environmentName);
        Rollout rollout = rollouts.lockActive(app.id(), environmentId)
                .orElseThrow(() -> new ConflictException("No rollout of " + appName + " in " + environmentName
                        + " is in flight, so there is nothing to " + action + "."));
        Note note = change.apply(rollout);
        events.save(new RolloutEvent(rollout.id(), clock.instant(), note));
        audit.record(actor, "rollout." + action, "app", appName, app.team(),
                Map.of("environment", environmentName, "rollout", Long.toString(rollout.id())));
        publisher.publishEvent(new RolloutChanged(rollout.id(), app.name(), environment.name()));
        return view(rollout);
    }

    private static void requirePhase(Rollout rollout, String action, RolloutPhase... allowed) {
        if (!List.of(allowed).contains(rollout.phase())) {
            throw new ConflictException("The rollout is " + rollout.phase().name().toLowerCase().replace('_', ' ')
                    + ", so it cannot " + action + " now.");
        }
    }

    /** DEVELOPERs act on ordinary environments; protected ones need a MAINTAINER. */
    private AppRef authorize(Actor actor, String appName, EnvironmentView environment, String action) {
        TeamRole needed = environment.protectedEnvironment() ? TeamRole.MAINTAINER : TeamRole.DEVELOPER;
        return apps.resolve(actor, appName, needed, action + " in " + (environment.protectedEnvironment()
                ? "the protected environment " : "") + environment.name());
    }

    private static String image(DeployRequest request, AppView app) {
        String image = Text.clean(request.image());
        if (image.isEmpty() && app.source() == AppSource.IMAGE && app.image() != null) {
            image = app.image();
        }
        if (image.isEmpty()) {
            throw new InvalidInputException("image", "is required: the image to deploy, e.g."
                    + " registry.example.com/team/app:1.4.2 (builds from git come later)");
        }
        new InputCheck().field("image", ImageReferences.problem(image)).throwIfInvalid();
        return image;
    }

    private static SandboxBehaviour behaviour(DeployRequest request, EnvironmentView environment) {
        @Nullable SandboxBehaviour behaviour = request.sandboxBehaviour();
        if (behaviour == null || behaviour == SandboxBehaviour.HEALTHY) {
            return SandboxBehaviour.HEALTHY;
        }
        if (!environment.simulated()) {
            throw new InvalidInputException("sandboxBehaviour", "only the sandbox simulates pods; environment "
                    + environment.name() + " runs on a real cluster");
        }
        return behaviour;
    }

    private RolloutView view(Rollout rollout) {
        ReleaseView release = releases.get(rollout.releaseId());
        Integer stable = rollout.stableReleaseId() == null ? null : releases.get(rollout.stableReleaseId()).number();
        return new RolloutView(rollout.id(), release.number(), stable, rollout.strategy().name(), rollout.phase(),
                rollout.fastTrack(), rollout.reason(), rollout.startedBy(), rollout.startedAt(), rollout.finishedAt(),
                events.findByRolloutIdOrderByIdAsc(rollout.id()).stream().map(RolloutEvent::toView).toList(),
                canary(rollout, release), blueGreen(rollout, release), rollout.progress().flag(Progress.HELD));
    }

    private @Nullable BlueGreenView blueGreen(Rollout rollout, ReleaseView release) {
        if (rollout.strategy() != DeployStrategy.BLUE_GREEN || rollout.stableReleaseId() == null) {
            return null;
        }
        Progress progress = rollout.progress();
        String active = progress.values().get(Progress.ACTIVE_SLOT);
        Optional<Instant> switched = progress.instant(Progress.SWITCHED_AT);
        int delay = release.settings().deploy().blueGreenOrDefaults().scaleDownDelaySeconds();
        return new BlueGreenView(active == null || Progress.NO_SLOT.equals(active) ? null : active,
                progress.values().getOrDefault(Progress.SLOT, "?"), BlueGreenStrategy.stage(progress).name(),
                switched.isPresent(), switched.map(at -> at.plusSeconds(delay)).orElse(null), measured(rollout));
    }

    private List<CanaryView.MeasurementView> measured(Rollout rollout) {
        return measurements.of(rollout.id()).stream()
                .map(m -> new CanaryView.MeasurementView(m.step() >= CanaryStrategy.BACKGROUND ? 0 : m.step() + 1,
                        m.metric(), m.measurement().at(),
                        m.measurement().phase().name(), m.measurement().value(), m.measurement().error()))
                .toList();
    }

    private @Nullable CanaryView canary(Rollout rollout, ReleaseView release) {
        if (rollout.strategy() != DeployStrategy.CANARY || rollout.fastTrack() || rollout.stableReleaseId() == null) {
            return null;
        }
        CanarySteps steps = release.settings().deploy().steps();
        int current = CanaryStrategy.index(steps, rollout.progress());
        int weight = CanaryStrategy.weightAt(steps, current);
        CanaryScale scale = CanaryScale.of(release.settings().deploy().replicas(), weight);
        List<CanaryView.MeasurementView> measured = measured(rollout);
        List<String> lines = java.util.stream.IntStream.range(0, steps.steps().size()).mapToObj(steps::line).toList();
        return new CanaryView(lines, current, weight, scale.canary(), scale.stable(), scale.actualPercent(), measured);
    }
}
