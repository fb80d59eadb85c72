package dev.slipway.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.slipway.security.SessionFreshnessFilter;
import dev.slipway.security.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The browser UI's security: form login through {@link LoginView}, access to views by their annotations.
 * Vaadin's configurer exempts only its own channel (which carries its own CSRF token) from Spring's CSRF
 * check; everything else keeps it. Sessions follow changes to their user (see SessionFreshnessFilter). The API
 * and actuator chains of the backend come first.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain uiSecurity(HttpSecurity http, UserService users) throws Exception {
        // The application stylesheet is needed by the login page too; Vaadin's configurer only opens its own files.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**").permitAll());
        return http
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .addFilterAfter(new SessionFreshnessFilter(users), SecurityContextHolderFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .build();
    }
}
