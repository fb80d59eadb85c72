package dev.slipway.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.shared.Actor;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import dev.slipway.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform settings over the REST API: everyone reads them, admins replace them, bad values change nothing. */
@ShippedApplicationTest
class PlatformSettingsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    PlatformSettingsService settings;
    @Autowired
    Fixtures fixtures;

    /** Other tests in this application expect the safe default. */
    @AfterEach
    void restoreDefaults() {
        settings.update(fixtures.bootstrapAdmin(), new PlatformSettings(false));
    }

    private ApiClient client(Actor actor) {
        return fixtures.api(actor, port);
    }

    @Test
    void an_admin_turns_a_setting_on_and_everyone_reads_it_back() {
        ApiClient admin = client(fixtures.admin());
        ApiClient developer = client(fixtures.user());
        assertThat(developer.get("/api/v1/platform-settings").json().get("allowLocalRepositories").asBoolean()).isFalse();

        Response saved = admin.put("/api/v1/platform-settings", "{\"allowLocalRepositories\": true}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("allowLocalRepositories").asBoolean()).isTrue();
        assertThat(developer.get("/api/v1/platform-settings").json().get("allowLocalRepositories").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/audit-events?action=settings.changed&size=1").json().get("items").get(0)
                .get("details").get("to").asString()).isEqualTo("true");
    }

    @Test
    void invalid_values_and_missing_fields_are_refused_and_change_nothing() {
        ApiClient admin = client(fixtures.admin());

        Response missing = admin.put("/api/v1/platform-settings", "{}");
        Response explicitNull = admin.put("/api/v1/platform-settings", "{\"allowLocalRepositories\": null}");
        Response notABoolean = admin.put("/api/v1/platform-settings", "{\"allowLocalRepositories\": \"sometimes\"}");
        Response unknown = admin.put("/api/v1/platform-settings", "{\"allowLocalRepositories\": true, \"allowEverything\": true}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("allowLocalRepositories");
        assertThat(missing.json().get("detail").asString()).contains("is required: true or false");
        assertThat(explicitNull.status()).isEqualTo(400);
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(notABoolean.json().get("detail").asString()).contains("sometimes");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("allowEverything");
        assertThat(admin.get("/api/v1/platform-settings").json().get("allowLocalRepositories").asBoolean()).isFalse();
    }

    @Test
    void a_non_admin_cannot_change_them() {
        Response response = client(fixtures.user()).put("/api/v1/platform-settings", "{\"allowLocalRepositories\": true}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("Only platform admins may change platform settings.");
        assertThat(settings.current().allowLocalRepositories()).isFalse();
    }
}
