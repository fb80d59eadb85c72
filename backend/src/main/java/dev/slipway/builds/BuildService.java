package dev.slipway.builds;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.AppView;
import dev.slipway.apps.GitRefs;
import dev.slipway.audit.AuditLog;
import dev.slipway.encryption.Envelopes;
import dev.slipway.teams.TeamAccess;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.shared.Actor;
import dev.slipway.registries.PushTarget;
import dev.slipway.registries.RegistryService;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import dev.slipway.shared.UnavailableException;
import dev.slipway.teams.TeamRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Starting, following and cancelling builds. The team's DEVELOPERs start and cancel them; VIEWERs see
 * them and their logs (which are masked before they are stored).
 */
@Service
@EnableConfigurationProperties(BuildProperties.class)
public class BuildService {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private final BuildRepository builds;
    private final AutoDeployRepository autoDeploys;
    private final RepositoryTokenRepository tokens;
    private final Envelopes envelopes;
    private final TeamAccess access;
    private final EnvironmentService environments;
    private final BuildLog log;
    private final AppService apps;
    private final AuditLog audit;
    private final BuildProperties properties;
    private final RegistryService registries;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    BuildService(BuildRepository builds, AutoDeployRepository autoDeploys, RepositoryTokenRepository tokens,
                 Envelopes envelopes, TeamAccess access, EnvironmentService environments, BuildLog log,
                 AppService apps, AuditLog audit, BuildProperties properties, RegistryService registries,
                 ApplicationEventPublisher publisher, Clock clock) {
        this.registries = registries;
        this.tokens = tokens;
        this.envelopes = envelopes;
        this.access = access;
        this.builds = builds;
        this.autoDeploys = autoDeploys;
        this.environments = environments;
        this.log = log;
        this.apps = apps;
        this.audit = audit;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Queues a build of a branch (the app's branch when null) at a commit (its tip when null).
     *
     * @throws UnavailableException when no registry is configured for images
     */
    @Transactional
    public BuildView start(Actor actor, String appName, @Nullable String branch, @Nullable String commit,
                           BuildTrigger trigger) {
        AppRef app = apps.resolve(actor, appName, TeamRole.DEVELOPER, "start builds");
        AppView settings = apps.view(app.id());
        if (settings.source() != AppSource.GIT || settings.repositoryUrl() == null) {
            throw new ConflictException(appName + " deploys a prebuilt image and has no repository to build. Change its"
                    + " source to a git repository to build it.");
        }
        String buildBranch = Text.clean(branch).isEmpty() ? String.valueOf(settings.branch()) : Text.clean(branch);
        String buildCommit = Text.clean(commit).isEmpty() ? null : Text.clean(commit).toLowerCase();
        var check = new dev.slipway.shared.InputCheck();
        check.field("branch", GitRefs.branchProblem(buildBranch));
        if (buildCommit != null && !SHA.matcher(buildCommit).matches()) {
            check.fail("commit", "must be a full commit SHA (40 hexadecimal characters), or empty for the branch's tip");
        }
        check.throwIfInvalid();
        unavailableBecause().ifPresent(why -> {
            throw new UnavailableException(why);
        });
        builds.lockAppForNumbering(app.id());
        Build build = builds.saveAndFlush(new Build(app.id(), builds.lastNumber(app.id()) + 1, trigger, buildBranch,
                buildCommit, actor.username(), clock.instant()));
        audit.record(actor, "build.queued", "app", appName, app.team(), Map.of("build", "#" + build.number(),
                "branch", buildBranch, "commit", buildCommit == null ? "tip" : buildCommit));
        publisher.publishEvent(new BuildQueued(build.id()));
        return build.toView(app.name());
    }

    /**
     * Queues a build asked for by a verified push delivery; no user is involved, so the provider is
     * recorded as the requester. Webhook builds of the same branch still waiting in the queue are
     * cancelled as superseded, as CI servers do with redundant pipelines: the new commit contains theirs.
     *
     * @throws UnavailableException when no registry is configured
     */
    @Transactional
    public BuildView startForWebhook(AppRef app, String branch, String commit, String provider) {
        unavailableBecause().ifPresent(why -> {
            throw new UnavailableException(why);
        });
        String requester = "webhook:" + provider;
        builds.lockAppForNumbering(app.id());
        int number = builds.lastNumber(app.id()) + 1;
        int superseded = builds.supersedeQueued(app.id(), branch, "superseded by #" + number + ": a newer push to "
                + branch + " arrived before this build started, and builds everything this one would have", clock.instant());
        Build build = builds.saveAndFlush(new Build(app.id(), number, BuildTrigger.WEBHOOK, branch, commit, requester,
                clock.instant()));
        Map<String, String> details = new java.util.LinkedHashMap<>(Map.of("build", "#" + build.number(), "branch", branch,
                "commit", commit));
        if (superseded > 0) {
            details.put("superseded", Integer.toString(superseded));
        }
        audit.record(requester, "build.queued", "app", app.name(), app.team(), details);
        publisher.publishEvent(new BuildQueued(build.id()));
        return build.toView(app.name());
    }

    /**
     * Why builds cannot run on this installation, or empty when they can; the UI shows this instead of
     * a build button that would always fail.
     */
    public java.util.Optional<String> unavailableBecause() {
        return StringUtils.hasText(properties.registry()) || registries.anyAssigned() ? java.util.Optional.empty()
                : java.util.Optional.of("Builds need a registry to push images to, and none is configured. A platform"
                        + " admin registers one under Admin > Registries and chooses it for the environments, or an"
                        + " operator sets SLIPWAY_BUILD_REGISTRY (e.g. registry.internal:5000/slipway) and restarts Slipway.");
    }

    /**
     * Where a build pushes: each registry the environments take images from, in promotion order, with the
     * environments it serves. An environment without a registry of its own uses the platform registry;
     * with none configured either, it gets no image (and a deploy of the build there says so).
     */
    @Transactional(readOnly = true)
    List<Destination> destinations() {
        Map<String, Destination> byAddress = new java.util.LinkedHashMap<>();
        for (EnvironmentView environment : environments.list()) {
            java.util.Optional<PushTarget> target = registries.targetOf(environments.idOf(environment.name()))
                    .or(this::platformRegistry);
            target.ifPresent(t -> byAddress.computeIfAbsent(t.address(), a -> new Destination(t, new ArrayList<>()))
                    .environments().add(environment.name()));
        }
        return List.copyOf(byAddress.values());
    }

    /** One registry a build pushes to and the environments that deploy from it. */
    record Destination(PushTarget target, List<String> environments) {
    }

    /** Where the environment's images are, looked up without opening any credentials. */
    private java.util.Optional<String> registryAddressOf(String environment) {
        return registries.addressOf(environments.idOf(environment)).or(() -> platformRegistry().map(PushTarget::address));
    }

    /** Whether SLIPWAY_BUILD_REGISTRY is set: environments without a registry of their own push there. */
    public boolean platformRegistryConfigured() {
        return platformRegistry().isPresent();
    }

    private java.util.Optional<PushTarget> platformRegistry() {
        return StringUtils.hasText(properties.registry())
                ? java.util.Optional.of(new PushTarget(properties.registry().replaceAll("/+$", ""),
                properties.registryInsecure(), blankToNull(properties.registryUsername()),
                blankToNull(properties.registryPassword())))
                : java.util.Optional.empty();
    }

    /**
     * The build's image in the registry the environment takes images from, pinned to its digest.
     *
     * @throws ConflictException when the build did not succeed, or was pushed before the environment used
     *                           its current registry
     */
    @Transactional(readOnly = true)
    public String imageFor(Actor actor, String appName, int number, String environment) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        Build build = builds.findByAppIdAndNumber(app.id(), number).orElseThrow(() -> new NotFoundException(
                appName + " has no build #" + number + "."));
        return imageFor(build, environment).orElseThrow(() -> new ConflictException(noImageBecause(build, environment)));
    }

    /**
     * The image to run in {@code environment} in place of {@code image} running elsewhere: for an image a
     * Slipway build pushed, the same digest from the registry that environment takes images from; any
     * other image as it is. Promotions use it, so prod never pulls from dev's registry.
     *
     * @throws ConflictException when the build was not pushed to that environment's registry
     */
    @Transactional(readOnly = true)
    public String imageFor(String image, String environment) {
        java.util.Optional<Build> build = builds.buildWithImage(image).flatMap(builds::findById);
        if (build.isEmpty()) {
            return image;
        }
        return registryAddressOf(environment).flatMap(address -> builds.sameBuildIn(image, address))
                .orElseThrow(() -> new ConflictException(noImageBecause(build.get(), environment)));
    }

    /** Why a build has no image for an environment, and what to do about it. */
    String noImageBecause(Build build, String environment) {
        if (build.status() != BuildStatus.SUCCEEDED) {
            return "Build #" + build.number() + " has no image: it did not succeed.";
        }
        if (registryAddressOf(environment).isEmpty()) {
            return environment + " has no registry to take images from: a platform admin chooses one under Admin >"
                    + " Registries (or an operator sets SLIPWAY_BUILD_REGISTRY); then build again.";
        }
        return "Build #" + build.number() + " was not pushed to the registry " + environment + " takes images from (it"
                + " was built before that registry was chosen). Build again to deploy there.";
    }

    java.util.Optional<String> imageFor(Build build, String environment) {
        if (build.status() != BuildStatus.SUCCEEDED) {
            return java.util.Optional.empty();
        }
        return registryAddressOf(environment).flatMap(address -> builds.imageIn(build.id(), address));
    }

    @Transactional
    void recordImage(long buildId, String registry, String image) {
        builds.recordImage(buildId, registry, image);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether builds fetch the app's repository with an access token; the team's VIEWERs may look. */
    @Transactional(readOnly = true)
    public RepositoryAccess repositoryAccess(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        boolean canChange = access.roleOf(actor, app.teamId()).filter(r -> r.includes(TeamRole.MAINTAINER)).isPresent();
        return tokens.findById(app.id()).map(t -> new RepositoryAccess(true, t.setBy(), t.setAt(), canChange))
                .orElse(new RepositoryAccess(false, null, null, canChange));
    }

    /**
     * Sets the access token builds fetch a private repository with over https (a personal or project
     * access token, a deploy token). MAINTAINERs only: the token reads the team's code. Write-only, like
     * every secret. An empty token is refused rather than read as "remove": a blank field saved by
     * mistake must not silently drop the token builds depend on ({@link #removeRepositoryToken} does that).
     */
    @Transactional
    public RepositoryAccess setRepositoryToken(Actor actor, String appName, @Nullable String token) {
        AppRef app = apps.resolve(actor, appName, TeamRole.MAINTAINER, "set the repository access token");
        String value = token == null ? "" : token.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException("token", "is empty: paste the access token the git provider issued (to"
                    + " remove the stored one, use Remove access token, or DELETE .../repository-token)");
        }
        if (value.length() > 1000 || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidInputException("token", "must be a single token of at most 1000"
                    + " characters without spaces, as the git provider issued it");
        }
        java.util.Optional<RepositoryToken> existing = tokens.findById(app.id());
        if (existing.isPresent()) {
            java.util.UUID old = existing.get().replace(envelopes.seal(value), actor.username(), clock.instant());
            tokens.flush();
            envelopes.delete(old);
        } else {
            tokens.save(new RepositoryToken(app.id(), envelopes.seal(value), actor.username(), clock.instant()));
        }
        audit.record(actor, "app.repository-token-set", "app", appName, app.team(), Map.of());
        return repositoryAccess(actor, appName);
    }

    /** Removes the app's repository access token; builds then fetch without one. Removing twice is harmless. */
    @Transactional
    public RepositoryAccess removeRepositoryToken(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.MAINTAINER, "remove the repository access token");
        tokens.findById(app.id()).ifPresent(t -> {
            tokens.delete(t);
            tokens.flush();
            envelopes.delete(t.tokenId());
            audit.record(actor, "app.repository-token-removed", "app", appName, app.team(), Map.of());
        });
        return repositoryAccess(actor, appName);
    }

    /** The app's repository token, opened for the runner's fetch; never for a user. */
    @Transactional(readOnly = true)
    java.util.Optional<String> repositoryToken(long appId) {
        return tokens.findById(appId).map(t -> envelopes.open(t.tokenId()));
    }

    /** Per environment, in promotion order: whether successful builds of the app deploy there. */
    @Transactional(readOnly = true)
    public List<AutoDeployView> autoDeploys(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        Map<Long, String> on = new java.util.HashMap<>();
        autoDeploys.findByAppId(app.id()).forEach(a -> on.put(a.environmentId(), a.branch()));
        return environments.list().stream().map(e -> new AutoDeployView(e.name(), on.get(environments.idOf(e.name())),
                !e.protectedEnvironment())).toList();
    }

    /**
     * Turns auto-deploy to one environment on (successful builds of the app's branch deploy there with
     * the environment's strategy) or off. Takes the role a deploy there takes.
     */
    @Transactional
    public AutoDeployView setAutoDeploy(Actor actor, String appName, String environmentName, boolean enabled) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = apps.resolve(actor, appName, TeamRole.DEVELOPER, "change auto-deploys");
        if (environment.protectedEnvironment()) {
            throw new ConflictException(environmentName + " is protected: every deploy there needs a maintainer, so"
                    + " builds cannot deploy there on their own. Promote to it instead.");
        }
        long environmentId = environments.idOf(environmentName);
        AutoDeploy.Key key = new AutoDeploy.Key(app.id(), environmentId);
        String branch = String.valueOf(apps.view(app.id()).branch());
        if (enabled) {
            autoDeploys.save(new AutoDeploy(app.id(), environmentId, branch, actor.username(), clock.instant()));
        } else {
            autoDeploys.findById(key).ifPresent(autoDeploys::delete);
        }
        audit.record(actor, enabled ? "build.auto-deploy-on" : "build.auto-deploy-off", "app", appName, app.team(),
                Map.of("environment", environmentName, "branch", branch));
        return new AutoDeployView(environmentName, enabled ? branch : null, true);
    }

    /** The environments that take successful builds of {@code branch}, for the runner. */
    @Transactional(readOnly = true)
    List<String> autoDeployTargets(long appId, String branch) {
        return autoDeploys.findByAppId(appId).stream().filter(a -> a.branch().equals(branch))
                .map(a -> environments.byId(a.environmentId())).filter(e -> !e.protectedEnvironment())
                .map(EnvironmentView::name).toList();
    }

    /** The app's builds, newest first (the last 50). */
    @Transactional(readOnly = true)
    public List<BuildView> list(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return builds.findTop50ByAppIdOrderByNumberDesc(app.id()).stream().map(b -> b.toView(app.name())).toList();
    }

    @Transactional(readOnly = true)
    public BuildView get(Actor actor, String appName, int number) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return load(app, number).toView(app.name());
    }

    /** The build's log from line {@code from} (0-based) on; poll with the count already read. */
    @Transactional(readOnly = true)
    public List<String> log(Actor actor, String appName, int number, int from) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return log.read(load(app, number).id(), Math.max(0, from));
    }

    /** Cancels a queued build at once, a running one within a second or two. */
    @Transactional
    public BuildView cancel(Actor actor, String appName, int number) {
        AppRef app = apps.resolve(actor, appName, TeamRole.DEVELOPER, "cancel builds");
        // locked straight away: a copy loaded first could be older than the row the worker just updated
        Build build = builds.findIdByAppIdAndNumber(app.id(), number).flatMap(builds::lock)
                .orElseThrow(() -> new NotFoundException("There is no build #" + number + " of " + app.name() + "."));
        if (build.status().finished()) {
            throw new ConflictException("Build #" + number + " already ended (" + build.status().name().toLowerCase()
                    + "), so there is nothing to cancel.");
        }
        if (build.status() == BuildStatus.QUEUED) {
            build.finish(BuildStatus.CANCELLED, "cancelled by " + actor.username() + " before it started", clock.instant());
        } else {
            build.requestCancel();
        }
        audit.record(actor, "build.cancelled", "app", appName, app.team(), Map.of("build", "#" + number));
        return build.toView(app.name());
    }

    private Build load(AppRef app, int number) {
        return builds.findByAppIdAndNumber(app.id(), number)
                .orElseThrow(() -> new NotFoundException("There is no build #" + number + " of " + app.name() + "."));
    }

}
