package dev.slipway.apps;

import dev.slipway.analysis.MetricTemplateService;
import dev.slipway.audit.AuditLog;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import dev.slipway.teams.TeamAccess;
import dev.slipway.teams.TeamRef;
import dev.slipway.teams.TeamRole;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes apps. VIEWERs of the owning team see an app, DEVELOPERs create and
 * change apps, MAINTAINERs delete them. To anyone outside the team an app does not exist.
 */
@Service
public class AppService {

    public static final int MAX_NAME_LENGTH = 40;

    private final AppRepository apps;
    private final AppEnvironmentSettingsRepository deploySettings;
    private final TeamAccess access;
    private final EnvironmentService environments;
    private final PlatformSettingsService settings;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final MetricTemplateService metricTemplates;

    AppService(AppRepository apps, AppEnvironmentSettingsRepository deploySettings, TeamAccess access,
               EnvironmentService environments, PlatformSettingsService settings, AuditLog audit, Clock clock,
               JdbcClient jdbc, MetricTemplateService metricTemplates) {
        this.metricTemplates = metricTemplates;
        this.apps = apps;
        this.deploySettings = deploySettings;
        this.access = access;
        this.environments = environments;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * The rule for app names. 40 characters leave room for the suffixes Slipway adds to Kubernetes object
     * names ({@code -preview}, {@code -canary}, config hashes) within the 63 characters Services allow.
     */
    public static Optional<String> nameProblem(String name) {
        return Text.dnsLabel(name, MAX_NAME_LENGTH, "billing-api");
    }

    @Transactional
    public AppView create(Actor actor, NewApp app) {
        if (Text.clean(app.team()).isEmpty()) {
            throw new InvalidInputException("team", "is required: the team that will own the app");
        }
        TeamRef team = access.require(actor, Text.clean(app.team()), TeamRole.DEVELOPER, "create apps");
        requireSource(app.source());
        String name = Text.clean(app.name());
        AppSettings appSettings = AppSettings.from(app.changes());
        InputCheck check = new InputCheck().field("name", nameProblem(name));
        appSettings.check(check, settings.current().allowLocalRepositories());
        if (!check.hasProblem("name") && apps.existsByName(name)) {
            check.fail("name", "an app named '" + name + "' already exists; app names are unique across Slipway");
        }
        check.throwIfInvalid();
        Instant now = clock.instant();
        App entity = new App(team.id(), name, now);
        entity.apply(appSettings, now);
        try {
            apps.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("name", "an app named '" + name + "' already exists; app names are unique"
                    + " across Slipway");
        }
        audit.record(actor, "app.created", "app", name, team.name(), appSettings.auditDetails());
        return entity.toView(team.name(), access.roleOf(actor, team.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public AppView get(Actor actor, String name) {
        App app = load(actor, name);
        TeamRef team = access.ref(app.teamId());
        return app.toView(team.name(), access.roleOf(actor, app.teamId()).orElseThrow());
    }

    @Transactional
    public AppView update(Actor actor, String name, AppChanges changes) {
        App app = load(actor, name);
        TeamRef team = access.require(actor, app.teamId(), TeamRole.DEVELOPER, "change apps");
        requireSource(changes.source());
        AppSettings appSettings = AppSettings.from(changes);
        InputCheck check = new InputCheck();
        appSettings.check(check, settings.current().allowLocalRepositories());
        check.throwIfInvalid();
        if (appSettings.equals(app.settings())) {
            return app.toView(team.name(), access.roleOf(actor, team.id()).orElseThrow());
        }
        app.apply(appSettings, clock.instant());
        apps.flush();
        audit.record(actor, "app.changed", "app", name, team.name(), appSettings.auditDetails());
        return app.toView(team.name(), access.roleOf(actor, team.id()).orElseThrow());
    }

    @Transactional
    public void delete(Actor actor, String name) {
        App app = load(actor, name);
        TeamRef team = access.require(actor, app.teamId(), TeamRole.MAINTAINER, "delete apps");
        try {
            apps.delete(app);
            apps.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("App '" + name + "' still runs in at least one environment. Remove it from"
                    + " each environment on its page first, then delete the app.", e);
        }
        audit.record(actor, "app.deleted", "app", name, team.name(), Map.of());
    }

    /**
     * The apps the actor can see whose name or description contains {@code text}, optionally of one team.
     */
    @Transactional(readOnly = true)
    public Page<AppSummary> search(Actor actor, @Nullable String text, @Nullable String teamName, Pageable pageable) {
        Long teamId = null;
        if (teamName != null && !teamName.isBlank()) {
            teamId = access.require(actor, teamName.strip(), TeamRole.VIEWER, "see its apps").id();
        }
        Set<Long> memberOf = actor.platformAdmin() ? Set.of() : access.memberTeamIds(actor);
        // an empty IN list is not valid SQL; -1 matches no team
        List<Long> teamIds = memberOf.isEmpty() ? List.of(-1L) : List.copyOf(memberOf);
        String needle = Text.escapeLike(Text.clean(text).toLowerCase(Locale.ROOT));
        Page<App> page = apps.search(actor.platformAdmin(), teamIds, teamId, needle, pageable);
        Map<Long, String> teamNames = access.names(page.map(App::teamId).toList());
        return page.map(app -> app.toSummary(teamNames.get(app.teamId())));
    }

    /** JSON clients can leave out any field; the source decides which others are needed, so it comes first. */
    private static void requireSource(@Nullable AppSource source) {
        if (source == null) {
            throw new InvalidInputException("source", "is required: GIT (build from a repository) or IMAGE (deploy a"
                    + " prebuilt image)");
        }
    }

    /**
     * The app with this name after checking that the actor has at least {@code needed} in its team, for
     * features that act on apps (deploys, rollbacks).
     *
     * @param action what the actor tries to do, for the message when the role is too small
     */
    @Transactional(readOnly = true)
    public AppRef resolve(Actor actor, String name, TeamRole needed, String action) {
        App app = load(actor, name);
        TeamRef team = access.require(actor, app.teamId(), needed, action);
        return new AppRef(app.id(), app.name(), team.id(), team.name());
    }

    /**
     * The app with this name and what it builds, for Slipway's own work on requests that name it
     * (webhooks); no user involved. One query, because a git provider may send hundreds a second.
     */
    public Optional<GitTarget> gitTargetByName(String name) {
        return jdbc.sql("""
                        select a.id, a.name, a.team_id, t.name as team, a.repository_url, a.branch
                        from apps a join teams t on t.id = a.team_id where a.name = ?""")
                .param(name)
                .query((row, n) -> new GitTarget(new AppRef(row.getLong("id"), row.getString("name"),
                        row.getLong("team_id"), row.getString("team")), row.getString("repository_url"),
                        row.getString("branch")))
                .optional();
    }

    /** The app with this id, for Slipway's own work on rows that store the id (no user involved). */
    @Transactional(readOnly = true)
    public AppRef ref(long appId) {
        App app = apps.findById(appId).orElseThrow(() -> new NotFoundException("There is no app with id " + appId + "."));
        return new AppRef(app.id(), app.name(), app.teamId(), access.ref(app.teamId()).name());
    }

    /** The app's current settings with the values releases copy: port and health paths. */
    @Transactional(readOnly = true)
    public AppView view(long appId) {
        App app = apps.findById(appId).orElseThrow(() -> new NotFoundException("There is no app with id " + appId + "."));
        return app.toView(access.ref(app.teamId()).name(), TeamRole.VIEWER);
    }

    /** How the app runs in an environment: what is stored, or the defaults. Visible to the team's VIEWERs. */
    @Transactional(readOnly = true)
    public DeploySettings deploySettings(Actor actor, String appName, String environment) {
        App app = load(actor, appName);
        return deploySettings(app.id(), environments.idOf(environment));
    }

    /** How the app with this id runs in an environment, for Slipway's own work (no user involved). */
    @Transactional(readOnly = true)
    public DeploySettings deploySettings(long appId, long environmentId) {
        return deploySettings.findByAppIdAndEnvironmentId(appId, environmentId)
                .map(AppEnvironmentSettings::toSettings).orElseGet(DeploySettings::defaults);
    }

    /** Changes how the app runs in an environment; applies to the next release deployed there. */
    @Transactional
    public DeploySettings updateDeploySettings(Actor actor, String appName, String environment, DeploySettings settings) {
        App app = load(actor, appName);
        EnvironmentView target = environments.get(environment);
        // the next deploy there runs with these settings, so they need the role that deploy needs
        TeamRef team = target.protectedEnvironment()
                ? access.require(actor, app.teamId(), TeamRole.MAINTAINER, "change how apps run in the protected"
                        + " environment " + environment)
                : access.require(actor, app.teamId(), TeamRole.DEVELOPER, "change how apps run");
        InputCheck check = new InputCheck();
        settings.check(check, metricTemplates.keysFor(team.name()));
        check.throwIfInvalid();
        long environmentId = environments.idOf(environment);
        AppEnvironmentSettings row = deploySettings.findByAppIdAndEnvironmentId(app.id(), environmentId)
                .orElseGet(() -> new AppEnvironmentSettings(app.id(), environmentId));
        row.set(settings, clock.instant(), actor.username());
        deploySettings.save(row);
        audit.record(actor, "app.settings-changed", "app", appName, team.name(),
                Map.of("environment", environment, "settings", settings.toString()));
        return settings;
    }

    /** Loads an app the actor may at least see; to others it does not exist. */
    private App load(Actor actor, String name) {
        App app = apps.findByName(name).orElseThrow(() -> notFound(name));
        if (access.roleOf(actor, app.teamId()).isEmpty()) {
            throw notFound(name);
        }
        return app;
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("There is no app '" + name + "' that you can see. If it belongs to another"
                + " team, ask one of that team's maintainers to add you.");
    }
}
