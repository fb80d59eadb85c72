package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.testing.RegistryServer;
import dev.slipway.testing.SampleProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spring Boot app keeps Boot's own layers, so a change to its code uploads the application layer only. */
class BootLayersTest {

    @TempDir
    Path dir;

    @Test
    void a_boot_jar_becomes_boots_layers_run_by_its_launcher_and_a_code_change_uploads_one_layer() throws Exception {
        assumeTrue(RegistryServer.installed(), "needs Debian's docker-registry (.ci/run installs it)");
        try (RegistryServer registry = RegistryServer.start()) {
            Path project = dir.resolve("boot");
            SampleProjects.copy("/sample-boot-app", project);
            String target = registry.address() + "/shop/boot";
            List<String> log = new ArrayList<>();

            build(project);
            ImageAssembler.Image first = ImageAssembler.assemble(project, request(target + ":1"), log::add);
            Path greeting = project.resolve("src/main/java/demo/Greeting.java");
            Files.writeString(greeting, Files.readString(greeting).replace("version 1", "version 2"));
            build(project);
            int before = registry.uploadedBlobs().size();
            ImageAssembler.Image second = ImageAssembler.assemble(project, request(target + ":2"), log::add);
            List<String> uploaded = registry.uploadedBlobs().subList(before, registry.uploadedBlobs().size());

            assertThat(log).contains("Slipway: a Spring Boot layered jar; using its layers");
            assertThat(registry.blob("shop/boot", first.imageId()))
                    .contains("org.springframework.boot.loader.launch.JarLauncher");
            List<String> one = layers(registry.manifest("shop/boot", first.digest()));
            List<String> two = layers(registry.manifest("shop/boot", second.digest()));
            // dependencies, spring-boot-loader, application (no snapshot dependencies: jib leaves the empty layer out)
            assertThat(two).hasSize(3);
            assertThat(two.subList(0, 2)).isEqualTo(one.subList(0, 2));
            assertThat(uploaded).hasSize(2).contains(two.getLast(), second.imageId());
        }
    }

    private ImageAssembler.Request request(String target) {
        return new ImageAssembler.Request("scratch", target, null, null, true, dir.resolve("jib-cache"), Map.of());
    }

    private static void build(Path project) throws Exception {
        List<String> log = new ArrayList<>();
        ProjectBuild.Result result = ProjectBuild.run(ProjectBuild.detect(project, 512), Duration.ofMinutes(5),
                SecretMask.none(), log::add, () -> false);
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(ProjectBuild.Outcome.SUCCEEDED);
    }

    private static List<String> layers(String manifest) {
        return Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"")
                .matcher(manifest.substring(manifest.indexOf("\"layers\""))).results().map(m -> m.group(1)).toList();
    }
}
