package dev.slipway;

import dev.slipway.testing.Fixtures;
import dev.slipway.testing.TestClockConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the application as shipped: {@link SlipwayApplication} with the backend, the Vaadin UI
 * and every security chain, on a real in-process PostgreSQL, over real HTTP on a random port. REST API
 * tests use this rather than the backend alone, because Vaadin changes how the login is kept per request
 * and a backend-only context once hid that no API token worked in the shipped jar.
 *
 * <p>The application class is named because the backend's own test application may sit on the class
 * path too (when Maven resolves the backend's test helpers from its build directory).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SlipwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, TestClockConfiguration.class})
public @interface ShippedApplicationTest {
}
