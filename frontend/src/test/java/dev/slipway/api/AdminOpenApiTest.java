package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What the admin console does is in the OpenAPI document too, with request bodies a script author can follow. */
@ShippedApplicationTest
class AdminOpenApiTest {

    @LocalServerPort
    int port;

    private JsonNode openApi() {
        return new ApiClient(port, null).get("/api/openapi").json();
    }

    @Test
    void the_document_lists_the_admin_endpoints() {
        JsonNode paths = openApi().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/clusters", "/api/v1/clusters/{name}",
                "/api/v1/clusters/{name}/check", "/api/v1/users", "/api/v1/users/{username}",
                "/api/v1/users/{username}/display-name", "/api/v1/users/{username}/platform-admin",
                "/api/v1/users/{username}/enabled", "/api/v1/users/{username}/password", "/api/v1/audit-events",
                "/api/v1/platform-settings");
        assertThat(paths.get("/api/v1/clusters/{name}").propertyNames()).contains("get", "put", "delete");
        assertThat(paths.get("/api/v1/platform-settings").propertyNames()).contains("get", "put");
        assertThat(paths.get("/api/v1/clusters").get("post").get("responses").propertyNames()).containsExactly("201");
        assertThat(paths.get("/api/v1/users").get("post").get("responses").propertyNames()).containsExactly("201");
        assertThat(paths.get("/api/v1/users/{username}/password").get("put").get("responses").propertyNames())
                .containsExactly("204");
        assertThat(paths.get("/api/v1/audit-events").get("get").get("parameters").findValuesAsString("name"))
                .containsExactlyInAnyOrder("actor", "team", "app", "action", "target", "from", "to", "page", "size");
    }

    @Test
    void request_bodies_document_every_field_mark_the_required_ones_and_keep_credentials_write_only() {
        JsonNode schemas = openApi().get("components").get("schemas");

        for (String body : new String[] {"ClusterRegistration", "ClusterChanges", "ConnectionCheckRequest",
                "NewUserRequest", "DisplayNameChange", "PlatformAdminChange", "EnabledChange", "PasswordReset",
                "PlatformSettingsChange"}) {
            JsonNode schema = schemas.get(body);
            assertThat(schema).as(body).isNotNull();
            for (var property : schema.get("properties").properties()) {
                assertThat(property.getValue().has("description")).as(body + "." + property.getKey()).isTrue();
            }
        }
        JsonNode registration = schemas.get("ClusterRegistration");
        assertThat(registration.get("required").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("name", "kind");
        assertThat(registration.get("properties").get("name").get("maxLength").asInt()).isEqualTo(40);
        assertThat(registration.get("properties").get("token").get("writeOnly").asBoolean()).isTrue();
        assertThat(registration.get("properties").get("kubeconfig").get("writeOnly").asBoolean()).isTrue();
        assertThat(schemas.get("ClusterChanges").get("properties").get("token").get("description").asString())
                .contains("the stored token is kept");
        assertThat(schemas.get("NewUserRequest").get("properties").get("password").get("writeOnly").asBoolean()).isTrue();
        assertThat(schemas.get("ClusterView").get("properties").has("token")).isFalse();
        assertThat(schemas.get("UserView").get("properties").propertyNames()).noneMatch(p -> p.contains("password"));
    }
}
