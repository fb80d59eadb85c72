package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document tells a client what the API enforces: required fields, limits, enum names. */
@ShippedApplicationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void request_bodies_mark_their_required_fields_and_limits() {
        JsonNode schemas = new ApiClient(port, null).get("/api/openapi").json().get("components").get("schemas");

        JsonNode newApp = schemas.get("NewApp");
        assertThat(newApp.get("required").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("team", "name",
                "source");
        assertThat(newApp.get("properties").get("name").get("maxLength").asInt()).isEqualTo(40);
        assertThat(newApp.get("properties").get("port").get("maximum").asInt()).isEqualTo(65535);
        assertThat(newApp.get("properties").get("source").get("enum").valueStream().map(JsonNode::asString))
                .containsExactly("GIT", "IMAGE");

        JsonNode settings = schemas.get("DeploySettings");
        assertThat(settings.get("required").valueStream().map(JsonNode::asString))
                .contains("replicas", "cpuRequest", "progressDeadlineSeconds", "strategy")
                .doesNotContain("autoscaling", "canarySteps", "blueGreen");
        assertThat(settings.get("properties").get("replicas").get("maximum").asInt()).isEqualTo(100);
        assertThat(schemas.get("NewTeam").get("required").valueStream().map(JsonNode::asString)).containsExactly("name");
        assertThat(schemas.get("DeployRequest").has("required")).as("every field of a deploy may be left out").isFalse();
    }

    @Test
    void list_endpoints_document_their_page_size_cap() {
        JsonNode apps = new ApiClient(port, null).get("/api/openapi").json().get("paths").get("/api/v1/apps").get("get");

        JsonNode size = apps.get("parameters").valueStream().filter(p -> p.get("name").asString().equals("size"))
                .findFirst().orElseThrow();
        assertThat(size.get("schema").get("maximum").asInt()).isEqualTo(Paging.MAX_SIZE);
    }
}
