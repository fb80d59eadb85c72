package dev.slipway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session in step with the users table. A session remembers who signed in and their
 * roles; without this, a revoked admin flag would keep opening admin pages and a disabled user or a reset
 * password would leave old sessions working until they expire. On each request: a disabled or removed
 * user, or one whose password changed since this session signed in, is signed out; a changed admin flag
 * is applied to the session.
 *
 * <p>Not a bean: Spring Boot would register it for every request. The UI's security chain adds it.
 */
public class SessionFreshnessFilter extends OncePerRequestFilter {

    private final UserService users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public SessionFreshnessFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // looked up per request: Vaadin installs its own strategy while the application starts
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SlipwayPrincipal signedIn) {
            Optional<SlipwayPrincipal> now = users.principal(signedIn.userId());
            if (now.isEmpty() || !now.get().credentialsStamp().equals(signedIn.credentialsStamp())) {
                signOut(contexts, request);
            } else if (now.get().platformAdmin() != signedIn.platformAdmin()) {
                replace(contexts, now.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static void signOut(SecurityContextHolderStrategy contexts, HttpServletRequest request) {
        contexts.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void replace(SecurityContextHolderStrategy contexts, SlipwayPrincipal principal,
                         HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
