package dev.slipway;

import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The backend on its own, for its tests: every feature, the REST API and the database, without the UI
 * module (which holds the real application class).
 *
 * <p>What {@code @SpringBootApplication} does, minus {@code @SpringBootConfiguration}: tests name this
 * class ({@code @SlipwayTest} does), so the frontend's tests, which search upwards from their package for
 * a configuration, find only the real application even when this class is on their class path.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM,
                classes = AutoConfigurationExcludeFilter.class)})
public class BackendTestApplication {
}
