package dev.slipway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's {@code postgresql} package, on loopback and a free port,
 * for tests that need the server's own tools (pg_dump) in a version that matches the server. Runs as
 * the {@code postgres} user when the tests run as root, because PostgreSQL refuses to run as root.
 */
public final class DebianPostgres implements AutoCloseable {

    private static final Path INSTALL = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private DebianPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed version's binaries, if the package is installed. */
    public static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALL)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALL)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_dump")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static DebianPostgres start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("Debian's postgresql package is not installed"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("slipway-pg-");
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DebianPostgres server = new DebianPostgres(bin, dir, port, root);
        server.tool(List.of("initdb", "-D", server.data().toString(), "-U", "slipway", "--auth=trust", "-E", "UTF8",
                "--no-sync"));
        server.tool(List.of("pg_ctl", "-D", server.data().toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -F", "start"));
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** {@code pg_dump} of the whole database in its plain SQL format, as an operator would take a backup. */
    public String dump() throws IOException, InterruptedException {
        return tool(List.of("pg_dump", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "slipway", "postgres"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            tool(List.of("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            run(List.of("rm", "-rf", dir.toString()), false);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private String tool(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.set(0, bin.resolve(command.getFirst()).toString());
        return run(full, asPostgresUser);
    }

    private static String run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
