package dev.slipway.security;

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
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import tools.jackson.databind.JsonNode;

/** User accounts over the REST API, with the same rules as the admin console's Users page. */
@ShippedApplicationTest
class UserApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    Fixtures fixtures;

    Actor adminActor;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        adminActor = fixtures.admin();
        admin = client(adminActor);
    }

    private ApiClient client(Actor actor) {
        return fixtures.api(actor, port);
    }

    private Response create(String username, String password) {
        return admin.post("/api/v1/users", """
                {"username": "%s", "displayName": "Jane Doe", "password": "%s"}""".formatted(username, password));
    }

    @Test
    void an_admin_creates_a_user_finds_them_by_text_and_no_password_or_hash_is_ever_returned() {
        String username = Fixtures.unique("jane");
        String password = "initial-password-" + System.nanoTime();

        Response created = create(username, password);
        Response found = admin.get("/api/v1/users?q=" + username.toUpperCase());
        Response one = admin.get("/api/v1/users/" + username);

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("displayName").asString()).isEqualTo("Jane Doe");
        assertThat(user.get("platformAdmin").asBoolean()).isFalse();
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(found.json().get("total").asInt()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("username").asString()).isEqualTo(username);
        assertThat(one.json().get("createdAt").isString()).isTrue();
        for (Response answer : List.of(created, found, one)) {
            assertThat(answer.body()).doesNotContain(password).doesNotContain("$2").doesNotContainIgnoringCase("password");
        }
    }

    @Test
    void the_user_list_pages_in_username_order_and_includes_disabled_accounts() {
        String prefix = Fixtures.unique("pager");
        for (String suffix : List.of("c", "a", "b")) {
            create(prefix + "-" + suffix, Fixtures.PASSWORD);
        }
        admin.put("/api/v1/users/" + prefix + "-b/enabled", "{\"enabled\": false}");

        JsonNode first = admin.get("/api/v1/users?q=" + prefix + "-&size=2").json();
        JsonNode second = admin.get("/api/v1/users?q=" + prefix + "-&size=2&page=1").json();

        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsString("username")).containsExactly(prefix + "-a", prefix + "-b");
        assertThat(second.get("items").findValuesAsString("username")).containsExactly(prefix + "-c");
        assertThat(first.get("items").get(1).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void an_admin_renames_grants_and_revokes_admin_rights_and_resets_a_password() throws Exception {
        String username = Fixtures.unique("ops");
        create(username, Fixtures.PASSWORD);

        Response renamed = admin.put("/api/v1/users/" + username + "/display-name", "{\"displayName\": \"Olga Ops\"}");
        Response granted = admin.put("/api/v1/users/" + username + "/platform-admin", "{\"platformAdmin\": true}");
        Response revoked = admin.put("/api/v1/users/" + username + "/platform-admin", "{\"platformAdmin\": false}");
        Response reset = admin.put("/api/v1/users/" + username + "/password", "{\"password\": \"a-new-password-42\"}");

        assertThat(renamed.json().get("displayName").asString()).isEqualTo("Olga Ops");
        assertThat(granted.json().get("platformAdmin").asBoolean()).isTrue();
        assertThat(revoked.json().get("platformAdmin").asBoolean()).isFalse();
        assertThat(reset.status()).isEqualTo(204);
        AuthenticationManager manager = authentication.getAuthenticationManager();
        assertThat(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                "a-new-password-42")).isAuthenticated()).as("the reset password signs in").isTrue();
        assertThat(admin.get("/api/v1/audit-events?target=" + username + "&action=user.").json().get("items")
                .findValuesAsString("action")).containsExactly("user.password-reset",
                "user.admin-revoked", "user.admin-granted", "user.renamed", "user.created");
    }

    @Test
    void a_disabled_users_tokens_stop_working_and_work_again_once_enabled() {
        String username = Fixtures.unique("leaver");
        create(username, Fixtures.PASSWORD);
        ApiClient leaver = client(users.actor(users.idOf(username)));
        assertThat(leaver.get("/api/v1/me").status()).isEqualTo(200);

        Response disabled = admin.put("/api/v1/users/" + username + "/enabled", "{\"enabled\": false}");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        Response refused = leaver.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("disabled");

        admin.put("/api/v1/users/" + username + "/enabled", "{\"enabled\": true}");

        assertThat(leaver.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void admins_cannot_disable_their_own_account() {
        Response response = admin.put("/api/v1/users/" + adminActor.username() + "/enabled", "{\"enabled\": false}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("ask another platform admin");
        assertThat(admin.get("/api/v1/users/" + adminActor.username()).json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void invalid_input_names_every_field_and_creates_nobody() {
        String username = Fixtures.unique("shorty");

        Response invalid = admin.post("/api/v1/users", """
                {"username": "Not Valid", "password": "short"}""");
        Response noPassword = admin.post("/api/v1/users", "{\"username\": \"%s\"}".formatted(username));
        Response noFlag = admin.put("/api/v1/users/" + adminActor.username() + "/platform-admin", "{}");
        Response weakReset = admin.put("/api/v1/users/" + adminActor.username() + "/password", "{\"password\": \"x\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "password");
        assertThat(noPassword.json().get("errors").findValuesAsString("field")).containsExactly("password");
        assertThat(noFlag.status()).isEqualTo(400);
        assertThat(noFlag.json().get("detail").asString()).contains("platformAdmin").contains("true to grant");
        assertThat(weakReset.json().get("detail").asString()).contains("at least 12 characters");
        assertThat(admin.get("/api/v1/users/" + username).status()).isEqualTo(404);
    }

    @Test
    void a_non_admin_gets_403_naming_platform_admins_and_nothing_changes() {
        Actor developer = fixtures.user();
        ApiClient api = client(developer);
        String username = Fixtures.unique("sneaky");

        List<Response> refused = List.of(
                api.get("/api/v1/users"),
                api.get("/api/v1/users/admin"),
                api.post("/api/v1/users", """
                        {"username": "%s", "password": "%s", "platformAdmin": true}""".formatted(username, Fixtures.PASSWORD)),
                api.put("/api/v1/users/" + developer.username() + "/platform-admin", "{\"platformAdmin\": true}"),
                api.put("/api/v1/users/admin/enabled", "{\"enabled\": false}"),
                api.put("/api/v1/users/admin/password", "{\"password\": \"taken-over-password\"}"),
                api.put("/api/v1/users/admin/display-name", "{\"displayName\": \"Mallory\"}"));

        for (Response response : refused) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("detail").asString()).containsAnyOf("Only platform admins may", "only your own");
        }
        assertThat(admin.get("/api/v1/users/" + username).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/users/" + developer.username()).json().get("platformAdmin").asBoolean()).isFalse();
        assertThat(api.put("/api/v1/users/" + developer.username() + "/display-name", "{\"displayName\": \"Dev\"}")
                .json().get("displayName").asString()).as("everyone names themselves").isEqualTo("Dev");
        assertThat(api.get("/api/v1/users/" + developer.username()).status()).isEqualTo(200);
    }
}
