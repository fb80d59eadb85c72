package dev.slipway.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The {@code slipway} command line as a script runs it: {@code java -jar slipway-cli.jar ...} in its own
 * process, with its login kept under a directory of the test (XDG_CONFIG_HOME) and stdin a pipe. Every run
 * is kept, so a test can check that a secret appeared in no output at all.
 */
final class SlipwayCli {

    private final Path jar;
    private final Path configHome;
    private final Path work;
    private final List<Run> runs = new CopyOnWriteArrayList<>();

    SlipwayCli(Path dir) {
        jar = Path.of(System.getProperty("slipway.cli.jar", "../cli/target/slipway-cli.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No slipway-cli jar at " + jar.toAbsolutePath()
                    + "; build it first with ./mvnw -pl cli -am package -DskipTests");
        }
        configHome = dir.resolve("config");
        work = dir.resolve("runs");
    }

    /** One run: what was asked, the exit code and both outputs. */
    record Run(List<String> args, int exit, String stdout, String stderr) {

        String output() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "slipway " + String.join(" ", args) + " -> exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n"
                    + stderr;
        }
    }

    Path jar() {
        return jar;
    }

    /** Where the login is stored: $XDG_CONFIG_HOME/slipway/config.json. */
    Path configFile() {
        return configHome.resolve("slipway").resolve("config.json");
    }

    List<Run> runs() {
        return runs;
    }

    Run run(String... args) {
        return run("", Map.of(), args);
    }

    Run withStdin(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    Run withEnvironment(Map<String, String> env, String... args) {
        return run("", env, args);
    }

    Run run(String stdin, Map<String, String> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(work);
            Path out = Files.createTempFile(work, "stdout", ".txt");
            Path err = Files.createTempFile(work, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            environment.remove("SLIPWAY_URL");
            environment.remove("SLIPWAY_TOKEN");
            environment.put("XDG_CONFIG_HOME", configHome.toAbsolutePath().toString());
            environment.put("HOME", work.toAbsolutePath().toString());
            environment.putAll(new HashMap<>(env));
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("slipway " + String.join(" ", args) + " did not end within 3 minutes");
            }
            Run run = new Run(List.of(args), process.exitValue(), Files.readString(out), Files.readString(err));
            runs.add(run);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
