package dev.slipway.e2e;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What builds need on this machine: Debian's docker-registry as the registry images are pushed to, and the
 * backend's sample app committed into a bare git repository.
 */
final class BuildFixtures {

    static final Path REGISTRY = Path.of("/usr/bin/docker-registry");

    private BuildFixtures() {
    }

    /** Whether this machine can run builds: the registry and git are installed. */
    static boolean available() {
        return Files.isExecutable(REGISTRY) && Files.isExecutable(Path.of("/usr/bin/git"));
    }

    /** A registry on a free loopback port storing under {@code dir}; stop it with {@link Process#destroy()}. */
    static Registry startRegistry(Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("registry.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("registry-data"), port));
        Process process = new ProcessBuilder(REGISTRY.toString(), "serve", dir.resolve("registry.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        awaitRegistry(port);
        return new Registry(process, port);
    }

    /** A running registry. */
    record Registry(Process process, int port) {

        /** The environment that makes Slipway push its builds here. */
        Map<String, String> slipwayEnvironment() {
            return Map.of(
                    "SLIPWAY_BUILD_REGISTRY", "127.0.0.1:" + port + "/slipway",
                    "SLIPWAY_BUILD_REGISTRY_INSECURE", "true",
                    // nothing can be pulled from the internet here, and the sandbox runs no containers anyway
                    "SLIPWAY_BUILD_BASE_IMAGE", "scratch");
        }
    }

    /** The repository is a path on this machine: an admin allows that on a machine of their own. */
    static void allowLocalRepositories(Page page) {
        page.navigate("/admin/settings");
        page.getByText("Allow apps to build from paths on Slipway's own host").click();
        Pages.button(page, "Save").click();
    }

    /** The backend's sample app, committed into a bare repository {@code dir/<name>.git} with the git command line. */
    static Path sampleRepository(Path dir, String name) throws Exception {
        Path sample = Path.of("../backend/src/test/resources/sample-app").toAbsolutePath().normalize();
        Path work = dir.resolve(name + "-work");
        Path bare = dir.resolve(name + ".git");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = work.resolve(sample.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        work.resolve("mvnw").toFile().setExecutable(true);
        git(dir, "init", "--bare", "-b", "main", bare.toString());
        git(work, "init", "-b", "main");
        git(work, "add", ".");
        git(work, "-c", "user.name=Ana Builder", "-c", "user.email=ana@example.com", "commit", "-m", "sample app");
        git(work, "push", bare.toString(), "main");
        return bare;
    }

    private static void awaitRegistry(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not start");
    }

    private static void git(Path in, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
