package dev.slipway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code slipway} command line against the packaged Slipway, run as a script runs it: a separate
 * {@code java -jar slipway-cli.jar} process per command, asserting exit codes and output. The admin's token
 * comes from SLIPWAY_ADMIN_TOKEN_FILE, as on a CI runner; teams and apps are set up through the REST API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliE2ETest {

    static final String SECRET_VALUE = "s3cr3t-e2e-" + Long.toHexString(new SecureRandom().nextLong());
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static SlipwayServer slipway;
    static BuildFixtures.Registry registry;
    static SlipwayCli cli;
    static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        adminToken = "slw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path tokenFile = Files.writeString(dir.resolve("admin.token"), adminToken + "\n");
        Map<String, String> env = new HashMap<>(Map.of("SLIPWAY_ADMIN_TOKEN_FILE", tokenFile.toString()));
        if (BuildFixtures.available()) {
            registry = BuildFixtures.startRegistry(dir);
            env.putAll(registry.slipwayEnvironment());
        }
        slipway = SlipwayServer.start("cli", dir.resolve("data"), env);
        cli = new SlipwayCli(dir);

        api("POST", "/api/v1/teams", "{\"name\":\"cli\",\"displayName\":\"CLI\",\"description\":\"\"}");
        for (String app : List.of("menu", "bird")) {
            api("POST", "/api/v1/apps", "{\"team\":\"cli\",\"name\":\"" + app + "\",\"source\":\"IMAGE\","
                    + "\"image\":\"nginx:1.27\"}");
        }
        // a canary that stops at a pause until someone promotes it
        api("PUT", "/api/v1/apps/bird/environments/dev/settings", """
                {"replicas":2,"cpuRequest":"100m","cpuLimit":"500m","memoryRequest":"256Mi","memoryLimit":"512Mi",
                 "maxSurge":"25%","maxUnavailable":"0","progressDeadlineSeconds":120,"strategy":"CANARY",
                 "canarySteps":"setWeight 50\\npause"}""");
    }

    @AfterAll
    static void stop() {
        if (slipway != null) {
            slipway.close();
        }
        if (registry != null) {
            registry.process().destroy();
        }
    }

    @Test
    @Order(1)
    void login_takes_the_token_from_stdin_checks_it_and_stores_it_for_its_owner_alone() throws IOException {
        SlipwayCli.Run refused = cli.withStdin("slw_" + "x".repeat(40) + "\n", "login", slipway.baseUrl());
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.stderr()).contains("refused the token, so it was not stored");
        assertThat(cli.configFile()).doesNotExist();

        SlipwayCli.Run login = cli.withStdin(adminToken + "\n", "login", slipway.baseUrl());
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.stdout()).contains("Logged in to " + slipway.baseUrl() + " as admin");
        assertThat(login.output()).doesNotContain(adminToken);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile().getParent())))
                .isEqualTo("rwx------");

        SlipwayCli.Run whoami = cli.run("whoami");
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.stdout()).contains("admin (Administrator), platform admin")
                .contains("token from " + cli.configFile());
    }

    @Test
    @Order(2)
    void deploy_with_wait_follows_the_rollout_and_exits_0_when_it_succeeded() {
        SlipwayCli.Run deploy = cli.run("deploy", "menu", "dev", "--image", "nginx:1.27", "--wait", "--timeout", "90s");

        assertThat(deploy.exit()).as(deploy.toString()).isZero();
        assertThat(deploy.stdout()).contains("Deploying nginx:1.27 as v1 of menu in dev")
                .contains("STARTED").contains("SUCCEEDED")
                .contains("v1 of menu in dev is rolled out: the rollout succeeded.");
    }

    @Test
    @Order(3)
    void a_release_that_crash_loops_is_rolled_back_and_the_exit_code_says_so() {
        SlipwayCli.Run deploy = cli.run("deploy", "menu", "dev", "--image", "nginx:1.28", "--sandbox-behaviour",
                "crash-loop", "--wait", "--timeout", "90s");

        assertThat(deploy.exit()).as(deploy.toString()).isEqualTo(1);
        assertThat(deploy.stdout()).contains("FAILURE").contains("ROLLBACK");
        assertThat(deploy.stderr()).contains("error: v2 of menu in dev was rolled back to v1: ").contains("crash-looping");
    }

    @Test
    @Order(4)
    void rollback_to_an_earlier_release_waits_for_it_and_the_releases_show_it() {
        SlipwayCli.Run rollback = cli.run("rollback", "menu", "dev", "--to", "1", "--wait", "--timeout", "90s");
        assertThat(rollback.exit()).as(rollback.toString()).isZero();
        assertThat(rollback.stdout()).contains("Rolling back to v1 as v3 of menu in dev")
                .contains("v3 of menu in dev is rolled out");

        SlipwayCli.Run releases = cli.run("releases", "menu", "dev");
        assertThat(releases.exit()).as(releases.toString()).isZero();
        assertThat(releases.stdout().lines()).anySatisfy(line -> assertThat(line)
                .contains("v3", "nginx:1.27", "SUCCEEDED", "yes", "rollback to v1"));
        assertThat(releases.stdout().lines()).anySatisfy(line -> assertThat(line).contains("v2", "ROLLED_BACK"));
    }

    @Test
    @Order(5)
    void a_canary_waits_at_its_pause_shows_it_in_the_status_and_finishes_when_promoted() {
        // the first release skips the steps
        SlipwayCli.Run first = cli.run("deploy", "bird", "dev", "--image", "nginx:1.27", "--wait", "--timeout", "90s");
        assertThat(first.exit()).as(first.toString()).isZero();

        // the second stops at its pause, which no waiting ends: --wait gives up with the timeout's own exit code
        SlipwayCli.Run second = cli.run("deploy", "bird", "dev", "--image", "nginx:1.28", "--wait", "--timeout", "3s");
        assertThat(second.exit()).as(second.toString()).isEqualTo(3);
        assertThat(second.stderr()).contains("Stopped waiting after 3s").contains("The rollout goes on in Slipway");

        awaitPhase("bird", "PAUSED");
        SlipwayCli.Run status = cli.run("rollout", "status", "bird", "dev");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("Phase:        PAUSED").contains("Rollout:      #").contains("v2 from v1  CANARY")
                .contains("(held: promote or abort it)")
                .contains("Step:         2/2 pause")
                .contains("Weight:       50%")
                .contains("Replicas:")
                .contains("Paused at step 2 of 2");

        SlipwayCli.Run promote = cli.run("promote", "bird", "dev");
        assertThat(promote.exit()).as(promote.toString()).isZero();
        assertThat(promote.stdout()).contains("Promoted v2 of bird in dev");

        SlipwayCli.Run watch = cli.run("rollout", "status", "bird", "dev", "--watch", "--timeout", "90s");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(watch.stdout()).contains("PROMOTED").contains("v2 of bird in dev is rolled out");
    }

    @Test
    @Order(6)
    void an_aborted_canary_puts_the_stable_release_back_and_watching_it_exits_1() {
        SlipwayCli.Run deploy = cli.run("deploy", "bird", "dev", "--image", "nginx:1.29");
        assertThat(deploy.exit()).as(deploy.toString()).isZero();
        assertThat(deploy.stdout()).contains("as v3 of bird in dev (replacing v2)")
                .contains("Follow it with: slipway rollout status bird dev --watch");
        awaitPhase("bird", "PAUSED");

        SlipwayCli.Run abort = cli.run("abort", "bird", "dev");
        assertThat(abort.exit()).as(abort.toString()).isZero();
        assertThat(abort.stdout()).contains("Aborted v3 of bird in dev: v2 takes all traffic again");

        SlipwayCli.Run watch = cli.run("rollout", "status", "bird", "dev", "--watch", "--timeout", "90s");
        assertThat(watch.exit()).as(watch.toString()).isEqualTo(1);
        assertThat(watch.stderr()).contains("error: v3 of bird in dev was aborted; v2 runs again");
    }

    @Test
    @Order(7)
    void config_is_set_unset_imported_from_a_dot_env_file_and_shown() {
        SlipwayCli.Run set = cli.run("config", "set", "menu", "dev", "LOG_LEVEL=debug", "GREETING=hello world");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.stdout()).contains("Set LOG_LEVEL, GREETING: config of menu in dev is now version 1");

        SlipwayCli.Run unset = cli.run("config", "unset", "menu", "dev", "LOG_LEVEL");
        assertThat(unset.exit()).as(unset.toString()).isZero();

        SlipwayCli.Run imported = cli.withStdin("""
                # from .env
                export DB_HOST=db.internal
                QUOTED="a b"
                """, "config", "import", "menu", "dev", "-");
        assertThat(imported.exit()).as(imported.toString()).isZero();
        assertThat(imported.stdout()).contains("is now version 3");

        SlipwayCli.Run refused = cli.withStdin("OK=1\nnot a line\n", "config", "import", "menu", "dev", "-");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Nothing was saved").contains("line 2");

        SlipwayCli.Run get = cli.run("config", "get", "menu", "dev");
        assertThat(get.exit()).as(get.toString()).isZero();
        assertThat(get.stdout()).contains("config version 3")
                .containsPattern("GREETING +hello world +variable")
                .containsPattern("DB_HOST +db.internal")
                .containsPattern("QUOTED +a b")
                .doesNotContain("LOG_LEVEL").doesNotContain("OK ");
    }

    @Test
    @Order(8)
    void a_secret_is_read_from_stdin_and_never_shown() {
        SlipwayCli.Run set = cli.withStdin(SECRET_VALUE + "\n", "secret", "set", "menu", "dev", "DB_PASSWORD");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.stdout()).contains("Set secret DB_PASSWORD");

        SlipwayCli.Run get = cli.run("config", "get", "menu", "dev");
        assertThat(get.stdout()).containsPattern("DB_PASSWORD +\\(hidden\\) +secret v1");

        JsonNode json = parse(cli.run("config", "get", "menu", "dev", "-o", "json"));
        assertThat(json.path("secrets").get(0).path("name").asString()).isEqualTo("DB_PASSWORD");
        assertThat(json.path("variables").path("GREETING").asString()).isEqualTo("hello world");

        // typed as an argument by mistake, it is refused without being echoed
        SlipwayCli.Run typed = cli.run("secret", "set", "menu", "dev", "DB_PASSWORD", SECRET_VALUE);
        assertThat(typed.exit()).isEqualTo(2);
        assertThat(cli.runs()).allSatisfy(run -> assertThat(run.output()).as(run.toString()).doesNotContain(SECRET_VALUE));
    }

    @Test
    @Order(9)
    void json_output_is_the_apis_json_for_scripts() {
        JsonNode apps = parse(cli.run("apps", "-o", "json"));
        assertThat(apps.isArray()).isTrue();
        assertThat(StreamSupport.stream(apps.spliterator(), false).map(app -> app.path("name").asString()))
                .containsExactly("bird", "menu");

        JsonNode status = parse(cli.run("-o", "json", "rollout", "status", "menu", "dev"));
        assertThat(status.path("rollout").path("phase").asString()).isEqualTo("SUCCEEDED");
        assertThat(status.path("running").path("release").path("number").asInt()).isEqualTo(3);

        JsonNode releases = parse(cli.run("releases", "menu", "dev", "-o", "json"));
        assertThat(releases.size()).isEqualTo(3);

        SlipwayCli.Run apps2 = cli.run("apps");
        assertThat(apps2.stdout().lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).startsWith("NAME").contains("TEAM", "SOURCE", "ORIGIN", "UPDATED"));
    }

    @Test
    @Order(10)
    void a_token_is_created_printed_once_used_from_the_environment_and_revoked() {
        SlipwayCli.Run create = cli.run("tokens", "create", "ci-e2e", "--valid-for", "P30D", "--read-only");
        assertThat(create.exit()).as(create.toString()).isZero();
        String token = create.stdout().strip();
        assertThat(token).startsWith("slw_").doesNotContain("\n");
        assertThat(create.stderr()).contains("'ci-e2e' (read-only, expires").contains("not shown again");

        SlipwayCli.Run list = cli.run("tokens");
        assertThat(list.stdout()).containsPattern("ci-e2e +" + token.substring(0, 10) + "… +read-only +active")
                .doesNotContain(token);
        String id = list.stdout().lines().filter(line -> line.contains("ci-e2e")).findFirst().orElseThrow().split(" ")[0];

        Map<String, String> ci = Map.of("SLIPWAY_URL", slipway.baseUrl(), "SLIPWAY_TOKEN", token);
        SlipwayCli.Run whoami = cli.withEnvironment(ci, "whoami");
        assertThat(whoami.stdout()).contains("admin").contains("token from SLIPWAY_TOKEN");
        SlipwayCli.Run write = cli.withEnvironment(ci, "config", "set", "menu", "dev", "X=1");
        assertThat(write.exit()).as(write.toString()).isEqualTo(1);
        assertThat(write.stderr()).contains("read-only");

        SlipwayCli.Run revoke = cli.run("tokens", "revoke", id);
        assertThat(revoke.exit()).as(revoke.toString()).isZero();
        SlipwayCli.Run refused = cli.withEnvironment(ci, "whoami");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.stderr()).contains("The token came from SLIPWAY_TOKEN");
        assertThat(cli.run("tokens").stdout()).containsPattern("ci-e2e .+ revoked");
    }

    @Test
    @Order(11)
    void errors_say_what_was_wrong_with_an_exit_code_a_script_can_tell_apart() {
        SlipwayCli.Run unknown = cli.run("deploy", "nope", "dev", "--image", "nginx:1.27");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.stderr()).startsWith("error: There is no app 'nope' that you can see.");
        assertThat(unknown.stdout()).isEmpty();

        SlipwayCli.Run usage = cli.run("deploy", "menu");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.stderr()).contains("Missing required parameter: 'ENV'");

        SlipwayCli.Run down = cli.withEnvironment(Map.of("SLIPWAY_URL", "http://127.0.0.1:1", "SLIPWAY_TOKEN", "slw_x"),
                "apps");
        assertThat(down.exit()).isEqualTo(4);
        assertThat(down.stderr()).contains("Cannot reach Slipway at http://127.0.0.1:1: connection refused");

        SlipwayCli.Run help = cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).contains("Exit codes:").contains("SLIPWAY_TOKEN");
    }

    @Test
    @Order(12)
    void a_build_is_started_waited_for_its_log_followed_and_its_image_deployed() throws Exception {
        assumeTrue(registry != null, "needs Debian's docker-registry and git (.ci/run installs them)");
        Path repository = BuildFixtures.sampleRepository(dir, "kitchen");
        // the repository is a path on this machine: an admin allows that on a machine of their own
        api("PUT", "/api/v1/platform-settings", "{\"allowLocalRepositories\":true}");
        api("POST", "/api/v1/apps", "{\"team\":\"cli\",\"name\":\"kitchen\",\"source\":\"GIT\",\"repositoryUrl\":\""
                + repository.toUri() + "\",\"branch\":\"main\"}");

        SlipwayCli.Run build = cli.run("build", "start", "kitchen", "--wait", "--timeout", "3m");
        assertThat(build.exit()).as(build.toString()).isZero();
        assertThat(build.stdout().strip()).contains("/slipway/cli/kitchen@sha256:");
        assertThat(build.stderr()).contains("Build #1 of kitchen").contains("SUCCEEDED");

        SlipwayCli.Run log = cli.run("build", "log", "kitchen", "1", "--follow");
        assertThat(log.exit()).as(log.toString()).isZero();
        assertThat(log.stdout()).contains("Building sample-app 1.0.0").contains("Slipway: pushed");
        assertThat(log.stderr()).contains("Build #1 of kitchen SUCCEEDED");

        assertThat(cli.run("builds", "kitchen").stdout()).containsPattern("#1 +SUCCEEDED +main +[0-9a-f]{7} +sample app");

        SlipwayCli.Run deploy = cli.run("deploy", "kitchen", "dev", "--build", "1", "--wait", "--timeout", "90s");
        assertThat(deploy.exit()).as(deploy.toString()).isZero();
        assertThat(deploy.stdout()).contains("/slipway/cli/kitchen@sha256:").contains("is rolled out");
    }

    @Test
    @Order(13)
    void the_launcher_script_runs_the_jar_beside_it_which_is_built_for_java_21() throws Exception {
        Path script = cli.jar().resolveSibling("slipway");
        assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--version").redirectErrorStream(true);
        // the JDK running the tests; the machine's default java may be older than 21
        builder.environment().put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow())
                .getParent().getParent().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("slipway 0.");

        try (JarFile jar = new JarFile(cli.jar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("dev/slipway/cli/Slipway.class"))) {
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            assertThat(data.readUnsignedShort()).as("class file major version: 65 is Java 21").isEqualTo(65);
        }
        assertThat(Files.size(cli.jar())).as("a small jar").isLessThan(5 * 1024 * 1024);
    }

    @Test
    @Order(14)
    void logout_forgets_the_login() {
        SlipwayCli.Run logout = cli.run("logout");
        assertThat(logout.exit()).as(logout.toString()).isZero();
        assertThat(cli.configFile()).doesNotExist();

        SlipwayCli.Run whoami = cli.run("whoami");
        assertThat(whoami.exit()).isEqualTo(4);
        assertThat(whoami.stderr()).contains("Not logged in");
        assertThat(cli.runs()).allSatisfy(run -> assertThat(run.output()).doesNotContain(SECRET_VALUE));
    }

    /** Waits until the app's latest rollout in dev is in {@code phase}, asking the API (cheaper than a JVM per look). */
    private static void awaitPhase(String app, String phase) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> JSON.readTree(
                send("GET", "/api/v1/apps/" + app + "/environments/dev", null).body())
                .path("rollout").path("phase").asString().equals(phase));
    }

    private static JsonNode parse(SlipwayCli.Run run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static void api(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(slipway.baseUrl() + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
