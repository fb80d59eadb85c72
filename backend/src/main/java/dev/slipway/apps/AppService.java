package dev.slipway.apps;

import dev.slipway.audit.AuditLog;
import dev.slipway.environments.EnvironmentService;
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
    private final TeamAccess access;
    private final EnvironmentService environments;
    private final PlatformSettingsService settings;
    private final AuditLog audit;
    private final Clock clock;

    AppService(AppRepository apps, TeamAccess access, EnvironmentService environments,
               PlatformSettingsService settings, AuditLog audit, Clock clock) {
        this.apps = apps;
        this.access = access;
        this.environments = environments;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
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
            throw new ConflictException("App '" + name + "' is still referenced elsewhere and cannot be deleted yet.", e);
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

    /** Where the app lands in each environment, in promotion order. */
    @Transactional(readOnly = true)
    public List<AppEnvironmentView> environments(Actor actor, String name) {
        App app = load(actor, name);
        String team = access.ref(app.teamId()).name();
        return environments.list().stream()
                .map(environment -> new AppEnvironmentView(environment, environment.namespaceFor(team, app.name())))
                .toList();
    }

    /** JSON clients can leave out any field; the source decides which others are needed, so it comes first. */
    private static void requireSource(@Nullable AppSource source) {
        if (source == null) {
            throw new InvalidInputException("source", "is required: GIT (build from a repository) or IMAGE (deploy a"
                    + " prebuilt image)");
        }
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
