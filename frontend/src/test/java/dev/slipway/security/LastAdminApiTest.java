package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The REST API never leaves Slipway without an admin either. Runs on a database of its own (the distinct
 * admin name gives it its own Spring context), where the first admin really is the only one.
 */
@ShippedApplicationTest
@TestPropertySource(properties = "slipway.admin.username=lone")
class LastAdminApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;

    private ApiClient client(String username) {
        return new ApiClient(port, tokens.create(users.actor(users.idOf(username)), "script", Duration.ofDays(1)).secret());
    }

    @Test
    void the_last_admin_cannot_be_revoked_until_there_is_another() {
        ApiClient lone = client("lone");

        Response refused = lone.put("/api/v1/users/lone/platform-admin", "{\"platformAdmin\": false}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("'lone' is the last platform admin. Make someone else an admin first, or nobody could"
                        + " administer Slipway.");
        assertThat(lone.get("/api/v1/users/lone").json().get("platformAdmin").asBoolean()).isTrue();

        assertThat(lone.post("/api/v1/users", """
                {"username": "deputy", "password": "deputy-password-1", "platformAdmin": true}""").status())
                .isEqualTo(201);
        Response revoked = lone.put("/api/v1/users/lone/platform-admin", "{\"platformAdmin\": false}");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("platformAdmin").asBoolean()).isFalse();
        ApiClient deputy = client("deputy");
        assertThat(deputy.put("/api/v1/users/deputy/platform-admin", "{\"platformAdmin\": false}").status())
                .isEqualTo(409);
        assertThat(deputy.put("/api/v1/users/deputy/enabled", "{\"enabled\": false}").status()).isEqualTo(409);
        assertThat(deputy.get("/api/v1/users?q=deputy").json().get("items").get(0).get("platformAdmin").asBoolean())
                .isTrue();
    }
}
