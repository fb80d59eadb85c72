package dev.slipway.ui.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current UI request. Views pass {@link #actor()} to services; it is read from
 * the database on each call, so a revoked admin flag or a disabled account applies at the next click.
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final UserService users;

    CurrentUser(AuthenticationContext authentication, UserService users) {
        this.authentication = authentication;
        this.users = users;
    }

    public Actor actor() {
        return users.actor(principal().userId());
    }

    public String username() {
        return principal().getUsername();
    }

    /** For showing or hiding admin navigation; the services check again on every action. */
    public boolean isPlatformAdmin() {
        return actor().platformAdmin();
    }

    /**
     * Puts the user's current principal into this session, after they changed their own password: this
     * session stays signed in while their other sessions end at their next request.
     */
    public void refreshSession() {
        users.principal(principal().userId()).ifPresent(fresh -> SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities())));
    }

    public void logout() {
        authentication.logout();
    }

    private SlipwayPrincipal principal() {
        return authentication.getAuthenticatedUser(SlipwayPrincipal.class)
                .orElseThrow(() -> new IllegalStateException("No signed-in user in this request"));
    }
}
