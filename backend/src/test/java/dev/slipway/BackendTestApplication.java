package dev.slipway;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The backend on its own, for its tests: every feature, the REST API and the database, without the UI
 * module (which holds the real application class).
 */
@SpringBootApplication
public class BackendTestApplication {
}
