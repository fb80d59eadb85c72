package dev.slipway.testing;

import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.AppView;
import dev.slipway.apps.NewApp;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.security.ApiTokenService;
import dev.slipway.security.NewUser;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.NewTeam;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/**
 * Makes users, teams and apps through the real services, each with a fresh name, so tests sharing one
 * database never see each other's data.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserService users;
    private final TeamService teams;
    private final AppService apps;
    private final EnvironmentService environments;
    private final ApiTokenService tokens;

    Fixtures(UserService users, TeamService teams, AppService apps, EnvironmentService environments,
             ApiTokenService tokens) {
        this.users = users;
        this.teams = teams;
        this.apps = apps;
        this.environments = environments;
        this.tokens = tokens;
    }

    /** The REST API on {@code port} as {@code actor}, with a token of theirs that works for a day. */
    public ApiClient api(Actor actor, int port) {
        return new ApiClient(port, tokens.create(actor, unique("token"), Duration.ofDays(1)).secret());
    }

    public long appId(String app) {
        return apps.resolve(bootstrapAdmin(), app, TeamRole.VIEWER, "test").id();
    }

    public long environmentId(String environment) {
        return environments.idOf(environment);
    }

    /** A name no other test uses, of the form {@code <prefix>-<n>}. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** The admin created at first start (its password comes from application-test.yml). */
    public Actor bootstrapAdmin() {
        return users.actor(users.idOf("admin"));
    }

    public Actor admin() {
        return user(true);
    }

    public Actor user() {
        return user(false);
    }

    private Actor user(boolean platformAdmin) {
        String username = unique(platformAdmin ? "admin" : "user");
        users.create(bootstrapAdmin(), new NewUser(username, "", PASSWORD, platformAdmin));
        return users.actor(users.idOf(username));
    }

    /** A new team with no members. */
    public String team() {
        String name = unique("team");
        teams.create(bootstrapAdmin(), new NewTeam(name, "", ""));
        return name;
    }

    /** A new user who has {@code role} in {@code team}. */
    public Actor member(String team, TeamRole role) {
        Actor actor = user();
        teams.setMember(bootstrapAdmin(), team, actor.username(), role);
        return actor;
    }

    /** A new image-based app of {@code team}, created by an admin. */
    public AppView app(String team) {
        return apps.create(bootstrapAdmin(), imageApp(team, unique("app")));
    }

    public static NewApp imageApp(String team, String name) {
        return new NewApp(team, name, "", AppSource.IMAGE, null, null, "registry.example.com/shop/" + name + ":1.0",
                null, null, null);
    }

    public static NewApp gitApp(String team, String name, String repositoryUrl) {
        return new NewApp(team, name, "", AppSource.GIT, repositoryUrl, "main", null, 8080, "/healthz", "/ready");
    }
}
