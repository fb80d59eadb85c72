package dev.slipway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract suite: what README.md documents, done through HTTP against the packaged jar as a user runs
 * it. A token is made in the UI as the README says; then every README example marked to run
 * ({@code <!-- example ...: run by e2e/ReadmeExamplesE2ETest -->} before a {@code sh} block) runs as
 * written, in one bash session as in a reader's terminal (the walk-through first, then the first build),
 * and what it should have left is checked. The first build uses what that section describes: Debian's
 * docker-registry, a repository on this machine, and {@code SLIPWAY_BUILD_BASE_IMAGE=scratch} because
 * nothing can be pulled from the internet here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractE2ETest {

    static final Path README = Path.of("../README.md");
    static final Pattern EXAMPLE = Pattern.compile("<!-- example ([a-z-]+): run by e2e/ReadmeExamplesE2ETest -->\\n"
            + "```sh\\n(.*?)```", Pattern.DOTALL);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static BuildFixtures.Registry registry;
    static Path repository;
    static SlipwayServer slipway;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(BuildFixtures.available(), "needs Debian's docker-registry and git (.ci/run installs them)");
        registry = BuildFixtures.startRegistry(dir);
        repository = BuildFixtures.sampleRepository(dir, "menu");
        // what the README's first build section has a user set: the registry, plain HTTP, and scratch
        slipway = SlipwayServer.start("contract", dir.resolve("data"), registry.slipwayEnvironment());
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
    void a_token_made_under_account_api_tokens_works_for_the_api() throws Exception {
        try (BrowserSession browser = new BrowserSession()) {
            Page page = browser.newPage(slipway.baseUrl());
            Pages.signIn(page, "admin", SlipwayServer.ADMIN_PASSWORD);
            page.navigate("/account");
            Pages.button(page, "Create token").click();
            Pages.field(page, "Name").fill("readme");
            Pages.button(page, "Create").click();
            token = Pages.field(page, "Your token").inputValue();
            browser.screenshot(page, "40-api-token-created");
        }

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"");
    }

    @Test
    @Order(2)
    void every_runnable_readme_example_runs_as_written_and_leaves_what_it_says() throws Exception {
        List<Example> examples = examples();
        assertThat(examples).extracting(Example::part).contains("api", "first-build");
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        // the walk-through makes the team the first build uses, as a reader following the README has
        for (String part : List.of("api", "first-build")) {
            for (Example example : examples) {
                if (example.part().equals(part)) {
                    script.append("echo '>>> README example at line ").append(example.line()).append("'\n")
                            .append(example.code()).append('\n');
                }
            }
        }
        Path log = Path.of("target", "readme-examples.log");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        bash.environment().putAll(Map.of("SLIPWAY", slipway.baseUrl(), "TOKEN", token,
                "REPO", repository.toUri().toString()));
        Process process = bash.start();
        boolean ended = process.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended && process.exitValue() == 0)
                .as("the README examples ran to the end; output (also in %s):%n%s", log.toAbsolutePath(), tail(output, 60))
                .isTrue();

        // what the walk-through says it does
        String status = await().atMost(Duration.ofMinutes(1)).until(
                () -> get("/api/v1/apps/hello/environments/dev", token).body(),
                body -> body.contains("\"phase\":\"SUCCEEDED\""));
        String releases = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/apps/hello/environments/dev/releases", token).body(), body -> body.contains("ABORTED"));
        assertThat(releases).contains("nginx:1.27", "nginx:1.28", "nginx:1.29");
        assertThat(status).as("the rollback to v1 runs v1's image").contains("\"image\":\"nginx:1.27\"");
        assertThat(output).contains("SUCCEEDED").contains("v1 nginx:1.27");
        String config = get("/api/v1/apps/hello/environments/dev/config", token).body();
        assertThat(config).contains("GREETING").contains("DB_PASSWORD").doesNotContain("s3cret");
        assertThat(output).doesNotContain("s3cret\"");
        // and what the first build says it does
        assertThat(output).contains("build 1: SUCCEEDED");
        assertThat(get("/api/v1/apps/menu/environments/dev", token).body()).contains("/slipway/shop/menu@sha256:");
        assertThat(get("/api/v1/apps/menu/webhook/deliveries", token).body()).contains("refs/heads/main")
                .doesNotContain("REFUSED");
    }

    @Test
    @Order(3)
    void every_curl_in_the_readme_is_in_an_example_that_runs() throws IOException {
        String readme = Files.readString(README);
        String outsideExamples = EXAMPLE.matcher(readme).replaceAll("");
        List<String> untested = outsideExamples.lines().filter(line -> line.contains("curl -")).toList();
        assertThat(untested).as("curl commands in README.md that no test runs; mark their block as an example")
                .isEmpty();
    }

    @Test
    @Order(4)
    void a_read_only_token_reads_but_cannot_deploy() throws Exception {
        HttpResponse<String> created = post("/api/v1/account/tokens", token,
                "{\"name\": \"dashboard\", \"readOnly\": true}");
        assertThat(created.statusCode()).isEqualTo(201);
        String readOnly = field(created.body(), "secret");

        assertThat(get("/api/v1/apps", readOnly).statusCode()).isEqualTo(200);
        HttpResponse<String> deploy = post("/api/v1/apps/hello/environments/dev/deploys", readOnly,
                "{\"image\": \"nginx:9\"}");
        assertThat(deploy.statusCode()).isEqualTo(403);
        assertThat(deploy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(deploy.body()).contains("read-only");
        assertThat(get("/api/v1/apps/hello/environments/dev/releases", token).body()).doesNotContain("nginx:9");
    }

    @Test
    @Order(5)
    void requests_the_servlet_container_refuses_are_answered_with_problem_json_too() throws Exception {
        for (String target : List.of("/api/v1/apps/%00", "/api/v1/apps/a%2Fb", "/api/v1/apps/%2e%2e/x",
                "/api/v1/apps/a;b", "/api/v1/apps?q=%00", "/api/v1/apps?size=500", "/hooks/github/%ZZ")) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains("application/problem+json");
        }
        String hugeHeader = raw("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 400").contains("application/problem+json");
        HttpResponse<String> broken = post("/api/v1/apps", token, "{\"team\": \"shop\", \"name\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("is not valid JSON").doesNotContain("jackson");
    }

    @Test
    @Order(6)
    void while_the_database_is_stopped_the_api_answers_503_at_once_and_recovers_after() throws Exception {
        List<Long> postgres = slipway.databaseProcesses();
        assumeTrue(!postgres.isEmpty(), "the in-process PostgreSQL runs");
        signal("STOP", postgres);
        try {
            Thread.sleep(1_000); // pooled connections are validated after 0.5 s idle
            long started = System.nanoTime();
            HttpResponse<String> answer = get("/api/v1/apps", token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).contains("cannot reach its database");
            assertThat(took).as("answered within about two seconds").isLessThan(Duration.ofMillis(3_000));
            System.out.printf("Database stopped: the API answered %d in %d ms%n", answer.statusCode(), took.toMillis());
        } finally {
            signal("CONT", postgres);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/apps", token).statusCode() == 200);
    }

    record Example(String part, int line, String code) {
    }

    static List<Example> examples() throws IOException {
        String readme = Files.readString(README);
        List<Example> examples = new ArrayList<>();
        Matcher matcher = EXAMPLE.matcher(readme);
        while (matcher.find()) {
            int line = (int) readme.substring(0, matcher.start()).lines().count() + 1;
            examples.add(new Example(matcher.group(1), line, matcher.group(2)));
        }
        return examples;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    private static String raw(String request) throws IOException {
        URI base = URI.create(slipway.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(slipway.baseUrl() + path))
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String bearer, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(slipway.baseUrl() + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
