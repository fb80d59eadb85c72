package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectBuildTest {

    @TempDir
    Path dir;

    @Test
    void a_build_that_outlives_its_timeout_is_killed_with_its_children() throws Exception {
        ProjectBuild.Command sleeper = new ProjectBuild.Command(List.of("sh", "-c", "sleep 30 & wait"), dir, Map.of(), "sh");
        List<String> log = new ArrayList<>();
        long started = System.nanoTime();

        ProjectBuild.Result result = ProjectBuild.run(sleeper, Duration.ofSeconds(1), SecretMask.none(), log::add, () -> false);

        assertThat(result.outcome()).isEqualTo(ProjectBuild.Outcome.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(log.getLast()).contains("ran longer than 1 s");
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").equals("sleep 30")))
                .as("the child was killed too").isEmpty();
    }

    @Test
    void a_cancelled_build_stops() throws Exception {
        ProjectBuild.Command sleeper = new ProjectBuild.Command(List.of("sleep", "30"), dir, Map.of(), "sleep");
        long cancelAt = System.nanoTime() + Duration.ofMillis(300).toNanos();

        ProjectBuild.Result result = ProjectBuild.run(sleeper, Duration.ofMinutes(1), SecretMask.none(), line -> { },
                () -> System.nanoTime() > cancelAt);

        assertThat(result.outcome()).isEqualTo(ProjectBuild.Outcome.CANCELLED);
        assertThat(result.took()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void a_secret_printed_by_the_build_is_masked_in_the_log() throws Exception {
        ProjectBuild.Command printer = new ProjectBuild.Command(List.of("sh", "-c",
                "echo connecting with password=hunter2-secret; echo token db-token-42 used"), dir, Map.of(), "sh");
        List<String> log = new ArrayList<>();

        ProjectBuild.Result result = ProjectBuild.run(printer, Duration.ofMinutes(1),
                new SecretMask(List.of("hunter2-secret", "db-token-42", "on")), log::add, () -> false);

        assertThat(result.outcome()).isEqualTo(ProjectBuild.Outcome.SUCCEEDED);
        assertThat(log).contains("connecting with password=••••••", "token •••••• used");
        assertThat(String.join("\n", log)).doesNotContain("hunter2-secret").doesNotContain("db-token-42");
    }

    @Test
    void the_wrapper_is_preferred_and_a_repository_without_a_build_is_refused_with_what_to_do() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThat(ProjectBuild.detect(dir, 256).tool()).isEqualTo("Maven");
        assertThat(ProjectBuild.detect(dir, 256).environment()).containsEntry("MAVEN_OPTS", "-Xmx256m");
        Path wrapper = Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\n");
        wrapper.toFile().setExecutable(true);
        assertThat(ProjectBuild.detect(dir, 256).tool()).isEqualTo("Maven wrapper");
        assertThat(ProjectBuild.detect(dir, 256).command().getFirst()).isEqualTo(wrapper.toAbsolutePath().toString());

        Path gradle = Files.createDirectory(dir.resolve("gradle"));
        Files.writeString(gradle.resolve("build.gradle"), "plugins { id 'java' }\n");
        Path gradlew = Files.writeString(gradle.resolve("gradlew"), "#!/bin/sh\n");
        gradlew.toFile().setExecutable(true);
        ProjectBuild.Command gradleBuild = ProjectBuild.detect(gradle, 256);
        assertThat(gradleBuild.tool()).isEqualTo("Gradle wrapper");
        assertThat(gradleBuild.command()).contains("--init-script", "build", "slipwayDependencies", "-x", "test");
        assertThat(gradle.resolve(".slipway-init.gradle")).content().contains("tasks.register('slipwayDependencies', Sync)")
                .contains("runtimeClasspath");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> ProjectBuild.detect(empty, 256)).hasMessageContaining("no pom.xml or build.gradle");
    }
}
