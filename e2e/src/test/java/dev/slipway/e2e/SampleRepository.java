package dev.slipway.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The backend's sample Maven app, committed into a bare git repository with the git command line. */
final class SampleRepository {

    private SampleRepository() {
    }

    /** A bare repository at {@code dir/<name>.git} whose {@code main} holds the sample app. */
    static Path create(Path dir, String name) throws Exception {
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
