package dev.slipway.security;

import dev.slipway.api.ProblemWriter;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The security of the non-UI entry points. The browser UI adds its own chain (form login, Vaadin's
 * channel) for every other path.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * The REST API. Scripts authenticate with an API token; a browser signed in to the UI may use its
     * session too (this chain reads the session but never creates one). CSRF protection applies to
     * session requests only: a browser never attaches a bearer token on its own. Writes need a token with
     * write scope or a session; read-only tokens may only read.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, UserService users, ProblemWriter problems,
            ObjectProvider<SecurityContextHolderStrategy> strategies) throws Exception {
        String missingToken = "This endpoint needs an API token: send 'Authorization: Bearer <token>'. Create a token"
                + " under Account > API tokens in the Slipway UI.";
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/openapi", "/api/openapi/**", "/api/docs", "/api/docs/**",
                                "/api/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
                        .anyRequest().access(WebSecurityConfiguration::mayWrite))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .addFilterAfter(new SessionFreshnessFilter(users), SecurityContextHolderFilter.class)
                // Only a session can be ridden cross-site: a browser never sends a bearer token on its own, and a
                // request with neither is refused as unauthenticated (checking CSRF for it would create a session).
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                        && !ApiTokenFilter.hasBearerToken(request) && request.getSession(false) != null))
                .addFilterBefore(new ApiTokenFilter(tokens, problems, strategies), UsernamePasswordAuthenticationFilter.class)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"slipway\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Authentication required", missingToken);
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            Authentication current = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)
                                    .getContext().getAuthentication();
                            boolean signedIn = current != null && current.isAuthenticated()
                                    && !(current instanceof AnonymousAuthenticationToken);
                            if (e instanceof CsrfException && !signedIn) {
                                // Without a token the CSRF check is the first to object; the real problem is the token.
                                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"slipway\"");
                                problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "Authentication required", missingToken);
                            } else if (e instanceof CsrfException) {
                                problems.write(response, HttpStatus.FORBIDDEN, "csrf", "CSRF token missing or wrong",
                                        "A change made with the browser session must carry the page's CSRF token in"
                                                + " the X-CSRF-TOKEN header. Scripts should use an API token instead.");
                            } else if (current instanceof ApiTokenAuthentication token && token.readOnly()) {
                                problems.write(response, HttpStatus.FORBIDDEN, "read-only-token", "Read-only token",
                                        "This API token is read-only: it may only read (GET). Use a token without"
                                                + " the read-only scope to change things.");
                            } else {
                                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
                            }
                        }))
                .build();
    }

    /** Changes need a browser session or a token with write scope. */
    private static AuthorizationResult mayWrite(Supplier<? extends Authentication> authentication,
                                                RequestAuthorizationContext request) {
        Authentication current = authentication.get();
        boolean signedIn = current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
        return new AuthorizationDecision(signedIn && !(current instanceof ApiTokenAuthentication token && token.readOnly()));
    }

    /**
     * Git providers' push webhooks: no session, no CSRF token (a provider cannot fetch one); each
     * delivery is authenticated by its HMAC signature or token, checked by the webhooks feature against
     * the app's own secret before anything in the body is read.
     */
    @Bean
    @Order(3)
    SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/hooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Probes and metrics are open so the kubelet and Prometheus can reach them without credentials; every
     * other actuator endpoint stays closed. Put them on their own port with MANAGEMENT_SERVER_PORT to keep
     * them off the public ingress.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        String closed = "Only the probes (/actuator/health/liveness, /actuator/health/readiness), /actuator/info and"
                + " /actuator/prometheus are served.";
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // Without these the UI's login page would be offered (a 302 to /login) for a closed endpoint.
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", closed))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", closed)))
                .build();
    }
}
