package dev.slipway.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Slipway as a user runs it: {@code java -jar slipway-exec.jar} with the in-process database in a fresh
 * directory. Its log goes to {@code target/slipway-<name>.log} for when a test fails.
 */
final class SlipwayServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "e2e-admin-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Duration startup;
    private final Path log;
    private final Path dataDir;

    private SlipwayServer(Process process, int port, Duration startup, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.startup = startup;
        this.log = log;
        this.dataDir = dataDir;
    }

    static SlipwayServer start(String name, Path dataDir) {
        return start(name, dataDir, Map.of());
    }

    /** With extra environment variables, e.g. the registry builds push to. */
    static SlipwayServer start(String name, Path dataDir, Map<String, String> extraEnvironment) {
        Path jar = Path.of(System.getProperty("slipway.jar", "../frontend/target/slipway-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Slipway jar at " + jar.toAbsolutePath()
                    + "; build it first with ./mvnw -pl frontend -am package -DskipTests");
        }
        int port = freePort();
        Path log = Path.of("target", "slipway-" + name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx768m", "-jar", jar.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("SLIPWAY_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("SLIPWAY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.remove("SLIPWAY_DATABASE_URL");
        env.putAll(extraEnvironment);
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SlipwayServer server = new SlipwayServer(process, port, Duration.ZERO, log, dataDir);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .failFast("Slipway exited; see " + log.toAbsolutePath(), () -> !process.isAlive())
                .until(server::ready);
        return new SlipwayServer(process, port, Duration.ofNanos(System.nanoTime() - started), log, dataDir);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** From process start to the first successful readiness probe. */
    Duration startupTime() {
        return startup;
    }

    /** Resident memory of the Slipway process in MiB, read from /proc. */
    long residentMemoryMib() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    Path log() {
        return log;
    }

    /**
     * The in-process PostgreSQL's server and its backends, from the PID its postmaster.pid names; empty
     * when it is not running.
     */
    List<Long> databaseProcesses() {
        try {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            return ProcessHandle.of(pid).map(postmaster -> Stream.concat(Stream.of(postmaster),
                    postmaster.descendants()).map(ProcessHandle::pid).toList()).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops Slipway the way an orchestrator does: SIGTERM, then a graceful shutdown. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
