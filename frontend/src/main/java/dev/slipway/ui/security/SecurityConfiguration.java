package dev.slipway.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser UI's security: form login through {@link LoginView}, access to views by their annotations.
 * Vaadin's configurer exempts only its own channel (which carries its own CSRF token) from Spring's CSRF
 * check; everything else keeps it. The API and actuator chains of the backend come first.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        return http
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .build();
    }
}
