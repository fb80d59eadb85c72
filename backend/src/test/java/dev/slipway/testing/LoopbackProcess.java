package dev.slipway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server program a test runs for itself (a Debian package's binary) in a temporary directory, on a
 * free loopback port, with its output in a log file; closing it stops the process and deletes the
 * directory.
 */
final class LoopbackProcess implements AutoCloseable {

    private final Process process;
    private final Path dir;

    private LoopbackProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** A temporary directory for the server's config, data and log. */
    static Path directory(String name) throws IOException {
        return Files.createTempDirectory("slipway-" + name + "-");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts the command in {@code dir} and waits until {@code ready} answers HTTP 200.
     *
     * @throws IllegalStateException with the server's log when it does not become ready in time
     */
    static LoopbackProcess start(Path dir, List<String> command, URI ready, Duration patience)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(dir).toFile()).start();
        LoopbackProcess server = new LoopbackProcess(process, dir);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        String output = Files.readString(log(dir));
        server.close();
        throw new IllegalStateException(command.getFirst() + " did not start: " + output);
    }

    static Path log(Path dir) {
        return dir.resolve("server.log");
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
