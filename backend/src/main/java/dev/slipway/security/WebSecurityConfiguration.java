package dev.slipway.security;

import dev.slipway.api.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The security of the non-UI entry points. The browser UI adds its own chain (form login, Vaadin's
 * channel) for every other path.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    /**
     * The REST API: stateless, API tokens only. CSRF protection stays on but does not apply to requests
     * that carry a bearer token, since a browser never attaches one on its own; a request without one is
     * not authenticated here at all.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ProblemWriter problems,
            ObjectProvider<SecurityContextHolderStrategy> strategies) throws Exception {
        String missingToken = "This endpoint needs an API token: send 'Authorization: Bearer <token>'. Create a token"
                + " under Account > API tokens in the Slipway UI.";
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/openapi", "/api/openapi/**", "/api/docs", "/api/docs/**",
                                "/api/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearerToken))
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
                        // Without a token the CSRF check is the first to object; the real problem is the token.
                        .accessDeniedHandler((request, response, e) -> {
                            if (ApiTokenFilter.hasBearerToken(request)) {
                                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
                            } else {
                                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"slipway\"");
                                problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "Authentication required", missingToken);
                            }
                        }))
                .build();
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
