package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ShippedApplicationTest;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.security.ApiTokenService;
import dev.slipway.shared.Actor;
import dev.slipway.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API answers bad input with a 4xx problem+json and never with a server error: a generative test
 * that walks {@code /api/openapi} and sends, per operation, malformed path and query parameters and broken
 * bodies (see {@link BadRequests}), as a platform admin so that every check behind the authorization is
 * reached. Refused changes are checked to have stored nothing.
 *
 * <p>CI runs a representative share of the body mutations; {@code ./mvnw -pl frontend -am verify
 * -Pfuzz-thorough -Dtest=BadInputTest -Dsurefire.failIfNoSpecifiedTests=false} sends them all.
 */
@ShippedApplicationTest
class BadInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a detail must not show: the insides of Slipway or its libraries. */
    private static final Pattern INTERNALS = Pattern.compile(
            "tools\\.jackson|com\\.fasterxml|java\\.(lang|util)|org\\.(springframework|hibernate|postgresql|apache)"
                    + "|Exception|SQL|\\bdev\\.slipway\\.|<html");
    /** Written by the rollout engine, the sandbox and token use in the background, not by requests. */
    private static final List<String> STABLE_TABLES = List.of("apps", "app_environment_settings", "app_repository_tokens",
            "app_webhooks", "app_auto_deploys", "app_deploy_keys", "teams", "memberships", "users", "environments",
            "environment_registries", "registries", "clusters", "config_versions", "metric_templates",
            "platform_settings", "promotions", "sealed_values", "audit_events", "builds");

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    EnvironmentService environments;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void no_bad_request_gets_a_server_error_and_every_refusal_is_problem_json_that_stored_nothing() {
        Actor admin = fixtures.bootstrapAdmin();
        String token = tokens.create(admin, Fixtures.unique("fuzz"), Duration.ofHours(1)).secret();
        String team = fixtures.team();
        String app = fixtures.app(team).name();
        String user = fixtures.user().username();
        String environment = Fixtures.unique("fuzzenv");
        environments.create(admin, new EnvironmentSpec(environment, "", "sandbox", "{app}-{env}", true, false));
        RawHttp http = new RawHttp(port);
        JsonNode openApi = JSON.readTree(http.send("GET", "/api/openapi", Map.of(), new byte[0]).body());

        boolean thorough = Boolean.getBoolean("slipway.fuzz.thorough");
        List<BadRequests.Case> cases = new BadRequests(openApi, parameter -> validValue(parameter, app, team, user,
                environment), thorough).all(Set.of(
                // would revoke the token this test sends
                "POST /api/v1/account/tokens/revoke-all"));
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);

        Map<String, Integer> byClass = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int storedChecks = 0;
        for (int i = 0; i < cases.size(); i++) {
            BadRequests.Case c = cases.get(i);
            boolean checkStored = c.mutating() && (thorough || i % 3 == 0);
            String before = checkStored ? digest() : "";
            Map<String, String> headers = new HashMap<>(c.label().equals(BadRequests.WITHOUT_TOKEN) ? Map.of() : auth);
            if (!c.contentType().isEmpty()) {
                headers.put("Content-Type", c.contentType());
            }
            headers.put("Accept", c.label().equals(BadRequests.ACCEPTING_HTML) ? "text/html" : "application/json");
            RawHttp.Response response = http.send(c.method(), c.target(), headers, c.body());
            byClass.merge(response.status() / 100 + "xx", 1, Integer::sum);
            String problem = problemWith(response);
            if (problem == null && checkStored && response.status() >= 400) {
                storedChecks++;
                if (!digest().equals(before)) {
                    problem = "was refused but changed the database";
                }
            }
            if (problem != null) {
                failures.add(c.method() + " " + RawHttp.abbreviate(c.target()) + " [" + c.label() + "] -> "
                        + response.status() + " " + problem + ": " + RawHttp.abbreviate(response.body()));
            }
        }
        System.out.printf("Bad-input test: %d requests over %d operations, by status class %s; %d refused changes"
                        + " checked for stored data; %d problems%n", cases.size(), operations(openApi), byClass,
                storedChecks, failures.size());
        failures.stream().limit(200).forEach(f -> System.out.println("  " + f));
        writeReport(failures);
        assertThat(failures).as("requests answered wrongly").isEmpty();
    }

    /** Every wrong answer, for reading when the test fails. */
    private static void writeReport(List<String> failures) {
        try {
            Path report = Path.of("target", "bad-input-report.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, failures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the answer is wrong, or null when it is right. */
    private static String problemWith(RawHttp.Response response) {
        if (response.status() >= 500) {
            return "server error";
        }
        if (response.status() >= 300 && response.status() < 400) {
            return "a redirect (" + response.headers().getOrDefault("location", "") + ")";
        }
        if (response.status() < 400) {
            return null;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "not problem+json (" + response.contentType() + ")";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "a problem that is not JSON";
        }
        String detail = problem.path("detail").asString("");
        if (detail.isBlank()) {
            return "a problem without a detail";
        }
        if (INTERNALS.matcher(detail).find()) {
            return "a detail that shows internals";
        }
        return null;
    }

    private static String validValue(String parameter, String app, String team, String user, String environment) {
        String template = parameter.substring(0, parameter.indexOf('#'));
        String name = parameter.substring(parameter.indexOf('#') + 1);
        return switch (name) {
            case "app" -> app;
            case "environment" -> template.startsWith("/api/v1/registries") ? environment : "dev";
            case "number", "id" -> "1";
            case "owner" -> "platform";
            case "key" -> "fuzz-template";
            case "username" -> user;
            case "provider" -> "github";
            case "name" -> {
                if (template.startsWith("/api/v1/apps/")) {
                    yield app;
                } else if (template.startsWith("/api/v1/teams/")) {
                    yield team;
                } else if (template.startsWith("/api/v1/environments/")) {
                    yield environment;
                } else if (template.startsWith("/api/v1/users/")) {
                    yield user;
                }
                yield "fuzz-" + name;
            }
            default -> "fuzz";
        };
    }

    private static int operations(JsonNode openApi) {
        int count = 0;
        for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
            count += path.getValue().size();
        }
        return count;
    }

    /** A fingerprint of every table that only requests write. */
    private String digest() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < STABLE_TABLES.size(); i++) {
            sql.append(i == 0 ? "" : " || ").append("coalesce((select md5(string_agg(md5(t::text), '' order by md5(t::text)))"
                    + " from ").append(STABLE_TABLES.get(i)).append(" t), '')");
        }
        return new String(jdbc.queryForObject(sql.toString(), String.class).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    }
}
