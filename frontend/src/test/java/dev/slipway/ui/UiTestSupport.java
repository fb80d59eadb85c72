package dev.slipway.ui;

import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.NewApp;
import dev.slipway.security.NewUser;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.NewTeam;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Makes real users, teams and apps through the services, and signs a user into the simulated UI. */
@TestComponent
public class UiTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserService users;
    private final TeamService teams;
    private final AppService apps;
    private final UserDetailsService userDetails;

    UiTestSupport(UserService users, TeamService teams, AppService apps, UserDetailsService userDetails) {
        this.users = users;
        this.teams = teams;
        this.apps = apps;
        this.userDetails = userDetails;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public Actor admin() {
        return users.actor(users.idOf("admin"));
    }

    public String team() {
        String name = unique("team");
        teams.create(admin(), new NewTeam(name, "", ""));
        return name;
    }

    public Actor member(String team, TeamRole role) {
        String username = unique("user");
        users.create(admin(), new NewUser(username, "", "correct-horse-battery", false));
        teams.setMember(admin(), team, username, role);
        return users.actor(users.idOf(username));
    }

    public String app(String team) {
        String name = unique("app");
        apps.create(admin(), new NewApp(team, name, "", AppSource.IMAGE, null, null, "nginx:1.27", null, null, null));
        return name;
    }

    /** As if the user had signed in through the login page. */
    public void signIn(Actor actor) {
        UserDetails principal = userDetails.loadUserByUsername(actor.username());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
