package dev.slipway.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.shared.Actor;
import dev.slipway.testing.ApiClient;
import dev.slipway.testing.ApiClient.Response;
import dev.slipway.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Clusters over the REST API, as a platform team's script registers, changes and checks them. */
@ShippedApplicationTest
class ClusterApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = client(fixtures.admin());
    }

    private ApiClient client(Actor actor) {
        return fixtures.api(actor, port);
    }

    private Response register(String name, String apiUrl, String token) {
        return admin.post("/api/v1/clusters", """
                {"name": "%s", "kind": "KUBERNETES", "description": "EU production", "auth": "TOKEN",
                 "apiUrl": "%s", "token": "%s"}""".formatted(name, apiUrl, token));
    }

    @Test
    void an_admin_registers_a_cluster_with_a_token_and_the_token_is_never_in_any_answer() {
        String name = Fixtures.unique("prod");
        String token = "token-canary-" + System.nanoTime();

        Response registered = register(name, "https://203.0.113.10:6443", token);
        Response one = admin.get("/api/v1/clusters/" + name);
        Response all = admin.get("/api/v1/clusters");
        Response changed = admin.put("/api/v1/clusters/" + name, """
                {"description": "EU production, moved", "auth": "TOKEN", "apiUrl": "https://203.0.113.11:6443"}""");
        Response audit = admin.get("/api/v1/audit-events?target=" + name);

        assertThat(registered.status()).isEqualTo(201);
        JsonNode cluster = registered.json();
        assertThat(cluster.get("name").asString()).isEqualTo(name);
        assertThat(cluster.get("kind").asString()).isEqualTo("KUBERNETES");
        assertThat(cluster.get("auth").asString()).isEqualTo("TOKEN");
        assertThat(cluster.get("credentialsSet").asBoolean()).isTrue();
        assertThat(one.json().get("apiUrl").asString()).isEqualTo("https://203.0.113.10:6443");
        assertThat(all.json().findValuesAsString("name")).contains(name, "sandbox");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("apiUrl").asString()).isEqualTo("https://203.0.113.11:6443");
        assertThat(changed.json().get("credentialsSet").asBoolean()).as("a change without a token keeps it").isTrue();
        // compared with a stored answer: the registration's own answer still has the clock's nanoseconds
        assertThat(changed.json().get("credentialsUpdatedAt").asString())
                .isEqualTo(one.json().get("credentialsUpdatedAt").asString());
        assertThat(audit.json().get("items").findValuesAsString("action"))
                .containsExactly("cluster.changed", "cluster.registered");
        for (Response answer : List.of(registered, one, all, changed, audit)) {
            assertThat(answer.body()).doesNotContain(token).doesNotContain("\"token\"");
        }
    }

    @Test
    void a_new_token_replaces_the_stored_one_and_switching_to_a_kubeconfig_needs_the_kubeconfig() {
        String name = Fixtures.unique("swap");
        JsonNode registered = register(name, "https://203.0.113.10:6443", "first-token").json();

        Response replaced = admin.put("/api/v1/clusters/" + name, """
                {"auth": "TOKEN", "apiUrl": "https://203.0.113.10:6443", "token": "second-token"}""");
        Response switched = admin.put("/api/v1/clusters/" + name, """
                {"auth": "KUBECONFIG"}""");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("credentialsUpdatedAt").asString())
                .isNotEqualTo(registered.get("credentialsUpdatedAt").asString());
        assertThat(switched.status()).isEqualTo(400);
        assertThat(switched.json().get("errors").findValuesAsString("field")).containsExactly("kubeconfig");
        assertThat(admin.get("/api/v1/clusters/" + name).json().get("auth").asString()).isEqualTo("TOKEN");
    }

    @Test
    void checking_the_sandbox_connection_succeeds_and_says_that_it_simulates() {
        Response inShop = admin.post("/api/v1/clusters/sandbox/check", "{\"namespace\": \"shop\"}");
        Response withoutBody = admin.send(admin.request("/api/v1/clusters/sandbox/check")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(inShop.status()).isEqualTo(200);
        JsonNode check = inShop.json();
        assertThat(check.get("reachable").asBoolean()).isTrue();
        assertThat(check.get("canCreateDeployments").asBoolean()).isTrue();
        assertThat(check.get("namespace").asString()).isEqualTo("shop");
        assertThat(check.get("message").asString()).contains("simulates");
        assertThat(withoutBody.status()).isEqualTo(200);
        assertThat(withoutBody.json().get("namespace").asString()).isEqualTo("default");
    }

    @Test
    void checking_an_api_server_nothing_answers_at_says_why_it_is_not_reachable() {
        String name = Fixtures.unique("closed");
        // Port 1 on this machine refuses at once, so the check fails without waiting for a timeout.
        register(name, "https://127.0.0.1:1", "a-token");

        Response response = admin.post("/api/v1/clusters/" + name + "/check", "{\"namespace\": \"shop\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode check = response.json();
        assertThat(check.get("reachable").asBoolean()).isFalse();
        assertThat(check.get("canCreateDeployments").isNull()).isTrue();
        assertThat(check.get("message").asString())
                .isEqualTo("Nothing accepts connections at https://127.0.0.1:1. Check the API URL and port, and that"
                        + " Slipway can reach the API server through the network.");
    }

    @Test
    void a_namespace_kubernetes_would_refuse_is_a_400_and_the_cluster_is_not_asked() {
        Response response = admin.post("/api/v1/clusters/sandbox/check", "{\"namespace\": \"Not_A_Namespace\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("namespace");
    }

    @Test
    void a_non_admin_gets_403_naming_platform_admins_and_nothing_is_stored() {
        ApiClient developer = client(fixtures.user());
        String name = Fixtures.unique("sneaky");

        List<Response> refused = List.of(
                developer.get("/api/v1/clusters"),
                developer.get("/api/v1/clusters/sandbox"),
                developer.post("/api/v1/clusters", """
                        {"name": "%s", "kind": "SANDBOX"}""".formatted(name)),
                developer.put("/api/v1/clusters/sandbox", "{\"description\": \"mine now\"}"),
                developer.post("/api/v1/clusters/sandbox/check", "{}"),
                developer.delete("/api/v1/clusters/sandbox"));

        for (Response response : refused) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).startsWith("Only platform admins may");
        }
        assertThat(admin.get("/api/v1/clusters/" + name).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/clusters/sandbox").json().get("description").asString()).isNotEqualTo("mine now");
    }

    @Test
    void invalid_registrations_name_every_field_and_store_nothing() {
        Response invalid = admin.post("/api/v1/clusters", """
                {"name": "Prod EU", "kind": "KUBERNETES", "auth": "TOKEN", "apiUrl": "http://203.0.113.10:6443"}""");
        Response misplaced = admin.post("/api/v1/clusters", """
                {"name": "%s", "kind": "KUBERNETES", "auth": "TOKEN", "apiUrl": "https://203.0.113.10:6443",
                 "kubeconfig": "apiVersion: v1"}""".formatted(Fixtures.unique("mixed")));
        Response noKind = admin.post("/api/v1/clusters", "{\"name\": \"%s\"}".formatted(Fixtures.unique("kindless")));
        Response unknownKind = admin.post("/api/v1/clusters", "{\"name\": \"x\", \"kind\": \"EKS\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "apiUrl", "token");
        assertThat(invalid.json().get("detail").asString()).startsWith("Nothing was saved.").contains("https://");
        assertThat(misplaced.status()).isEqualTo(400);
        assertThat(misplaced.json().get("errors").get(0).get("message").asString())
                .contains("goes only with auth KUBECONFIG").contains("'token'");
        assertThat(noKind.json().get("errors").findValuesAsString("field")).containsExactly("kind");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("detail").asString()).contains("SANDBOX").contains("KUBERNETES");
        assertThat(admin.get("/api/v1/clusters").json().findValuesAsString("name")).doesNotContain("Prod EU");
    }

    @Test
    void a_cluster_is_deleted_unless_environments_still_use_it() {
        String name = Fixtures.unique("gone");
        register(name, "https://203.0.113.10:6443", "a-token");

        Response deleted = admin.delete("/api/v1/clusters/" + name);
        Response inUse = admin.delete("/api/v1/clusters/sandbox");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/clusters/" + name).status()).isEqualTo(404);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asString()).contains("still used by environments")
                .contains("Move them");
        assertThat(admin.get("/api/v1/clusters/sandbox").status()).isEqualTo(200);
    }
}
