package dev.slipway.testing;

import dev.slipway.BackendTestApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole backend on a real, in-process PostgreSQL. All classes with this annotation
 * share one Spring context and so one database; tests make their own uniquely named data with
 * {@link Fixtures} instead of cleaning up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, TestClockConfiguration.class})
public @interface SlipwayTest {
}
