package dev.slipway.builds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a project's own build in a child process: the Maven or Gradle wrapper when the repository has
 * one, else the tool on the PATH. Tests are skipped (CI runs them; a deploy platform builds images),
 * the JVM's heap is capped, and the process tree is killed when the build runs out of time or is
 * cancelled. Every line of output goes through the secret mask before anyone sees it.
 */
public final class ProjectBuild {

    /** Pinned, so the build does not ask Maven Central for the newest plugin on every run. */
    static final String COPY_DEPENDENCIES = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies";
    /** Where a Maven build leaves the runtime dependencies for the image's dependency layers. */
    public static final String DEPENDENCIES_DIR = "target/slipway-dependencies";
    /** The same for a Gradle build, filled by the task Slipway's init script adds. */
    public static final String GRADLE_DEPENDENCIES_DIR = "build/slipway-dependencies";
    /**
     * Adds a task that copies the runtime classpath for the image's dependency layers, as Maven's
     * copy-dependencies does; Gradle has no such task of its own.
     */
    static final String GRADLE_INIT_SCRIPT = """
            // Written by Slipway for this build: copies the runtime dependencies where the image's layers take them.
            // The task always exists, so a build without the java plugin on its root project fails on Slipway's
            // message (no classes) rather than on "task not found".
            rootProject {
                tasks.register('slipwayDependencies', Sync) {
                    into layout.buildDirectory.dir('slipway-dependencies')
                    plugins.withId('java') {
                        from configurations.named('runtimeClasspath')
                    }
                }
            }
            """;

    public enum Outcome { SUCCEEDED, FAILED, TIMED_OUT, CANCELLED }

    /**
     * @param exitCode the process's exit code; null when it was killed
     * @param detail   what went wrong in words, for the build's status line; empty on success
     */
    public record Result(Outcome outcome, @org.jspecify.annotations.Nullable Integer exitCode, String detail,
                         Duration took) {
    }

    /** The command line, where it runs, and what it adds to the environment. */
    public record Command(List<String> command, Path directory, Map<String, String> environment, String tool) {
    }

    private ProjectBuild() {
    }

    /**
     * Finds how to build the project in {@code directory}.
     *
     * @throws IllegalArgumentException with a message for the user when there is no Maven or Gradle build
     */
    public static Command detect(Path directory, int memoryMb) {
        String heap = "-Xmx" + memoryMb + "m";
        if (Files.isRegularFile(directory.resolve("pom.xml"))) {
            List<String> command = new ArrayList<>();
            Optional<String> wrapper = wrapper(directory, "mvnw");
            command.add(wrapper.orElse("mvn"));
            command.addAll(List.of("-B", "-ntp", "package", "-DskipTests", COPY_DEPENDENCIES, "-DincludeScope=runtime",
                    "-DoutputDirectory=" + DEPENDENCIES_DIR));
            return new Command(command, directory, Map.of("MAVEN_OPTS", heap), wrapper.isPresent() ? "Maven wrapper" : "Maven");
        }
        if (Files.isRegularFile(directory.resolve("build.gradle")) || Files.isRegularFile(directory.resolve("build.gradle.kts"))) {
            Optional<String> wrapper = wrapper(directory, "gradlew");
            Path init = directory.resolve(".slipway-init.gradle");
            try {
                Files.writeString(init, GRADLE_INIT_SCRIPT);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("The workspace " + directory + " is not writable; check that"
                        + " Slipway may write to SLIPWAY_BUILD_WORK_DIR and that the disk is not full", e);
            }
            return new Command(List.of(wrapper.orElse("gradle"), "--no-daemon", "--console=plain", "--init-script",
                    init.toAbsolutePath().toString(), "build", "slipwayDependencies", "-x", "test"),
                    directory, Map.of("GRADLE_OPTS", heap, "JAVA_TOOL_OPTIONS", heap),
                    wrapper.isPresent() ? "Gradle wrapper" : "Gradle");
        }
        throw new IllegalArgumentException("The repository has no pom.xml or build.gradle at its root, so Slipway"
                + " does not know how to build it. Add a Maven or Gradle build, or deploy a prebuilt image.");
    }

    /**
     * Runs the build to the end, or until {@code timeout} passes or {@code cancelled} says so.
     *
     * @param log receives each output line, masked
     */
    public static Result run(Command command, Duration timeout, SecretMask mask, Consumer<String> log,
                             BooleanSupplier cancelled) throws IOException {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command.command()).directory(command.directory().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(command.environment());
        log.accept(mask.apply("$ " + String.join(" ", command.command())));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(command.tool() + " could not be started (" + command.command().getFirst() + "): "
                    + e.getMessage(), e);
        }
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.accept(mask.apply(line));
                }
            } catch (IOException e) {
                // the process was killed while we read: its output ends here
            }
        });
        long deadline = started + timeout.toNanos();
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    kill(process);
                    reader.join(Duration.ofSeconds(5));
                    return new Result(Outcome.CANCELLED, null, "cancelled", since(started));
                }
                if (System.nanoTime() > deadline) {
                    kill(process);
                    reader.join(Duration.ofSeconds(5));
                    String why = "the build ran longer than " + describe(timeout) + " and was stopped";
                    log.accept("Slipway: " + why);
                    return new Result(Outcome.TIMED_OUT, null, why, since(started));
                }
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Result(Outcome.CANCELLED, null, "Slipway is shutting down", since(started));
        }
        int exit = process.exitValue();
        return exit == 0 ? new Result(Outcome.SUCCEEDED, 0, "", since(started))
                : new Result(Outcome.FAILED, exit, command.tool() + " exited with code " + exit
                        + "; the log above says why", since(started));
    }

    /** The whole tree: Maven and Gradle start their own child JVMs. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> wrapper(Path directory, String name) {
        Path script = directory.resolve(name);
        // absolute: a relative program name would be looked up on the PATH, not in the project
        return Files.isRegularFile(script) && Files.isExecutable(script)
                ? Optional.of(script.toAbsolutePath().toString()) : Optional.empty();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String describe(Duration timeout) {
        return timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s";
    }
}
