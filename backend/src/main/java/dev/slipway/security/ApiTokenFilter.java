package dev.slipway.security;

import dev.slipway.api.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A request that presents
 * a token which does not work is answered 401 at once rather than treated as anonymous, so a script
 * learns that its token is the problem.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final ProblemWriter problems;
    private final ObjectProvider<SecurityContextHolderStrategy> strategies;

    /**
     * @param strategies where Spring Security's authorization reads the login from. Vaadin replaces the
     *                   holder's strategy after the beans are built (and registers it as a bean); a strategy
     *                   kept from construction time writes the login where authorization no longer looks, so
     *                   it is looked up per request.
     */
    ApiTokenFilter(ApiTokenService tokens, ProblemWriter problems,
                   ObjectProvider<SecurityContextHolderStrategy> strategies) {
        this.tokens = tokens;
        this.problems = problems;
        this.strategies = strategies;
    }

    private SecurityContextHolderStrategy contexts() {
        return strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!hasBearerToken(request)) {
            unauthorized(response, "The Authorization header must be 'Bearer <token>'. Create a token under"
                    + " Account > API tokens in the Slipway UI.");
            return;
        }
        Optional<ApiTokenService.TokenLogin> login = tokens.authenticate(header.substring(7).strip());
        if (login.isEmpty()) {
            unauthorized(response, "The API token is not valid: it is unknown, revoked or expired, or its owner is"
                    + " disabled. Create a new token under Account > API tokens.");
            return;
        }
        SecurityContextHolderStrategy contexts = contexts();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(login.get().principal(), login.get().readOnly()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"slipway\", error=\"invalid_token\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Invalid API token", detail);
    }
}
