package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build's log says when the image cannot be made or pushed (what is wrong and what to check), and
 * the layers made from the layout Gradle's java plugin leaves.
 */
class ImageAssemblerTest {

    @TempDir
    Path dir;

    @Test
    void an_unreachable_registry_fails_with_what_to_check() throws Exception {
        Path project = builtProject("demo.App");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ImageAssembler.Request request = new ImageAssembler.Request("scratch", "127.0.0.1:" + closedPort + "/shop/app:1",
                null, null, true, dir.resolve("cache"), Map.of());

        assertThatThrownBy(() -> ImageAssembler.assemble(project, request, line -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("reachable from Slipway");
    }

    @Test
    void a_base_image_that_cannot_be_pulled_is_named_with_the_setting_to_change() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.slipway.testing.RegistryServer.installed(),
                "needs Debian's docker-registry (.ci/run installs it)");
        Path project = builtProject("demo.App");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var registry = dev.slipway.testing.RegistryServer.start()) {
            ImageAssembler.Request request = new ImageAssembler.Request("127.0.0.1:" + closedPort + "/library/jre:25",
                    registry.address() + "/shop/app:1", null, null, true, dir.resolve("cache"), Map.of());

            assertThatThrownBy(() -> ImageAssembler.assemble(project, request, line -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Pulling the base image 127.0.0.1:" + closedPort + "/library/jre:25 failed")
                    .hasMessageContaining("SLIPWAY_BUILD_BASE_IMAGE")
                    .hasMessageNotContaining("marked insecure");
        }
    }

    @Test
    void a_jar_without_a_main_class_says_where_to_set_it() throws Exception {
        Path project = builtProject(null);
        ImageAssembler.Request request = new ImageAssembler.Request("scratch", "127.0.0.1:1/shop/app:1", null, null,
                true, dir.resolve("cache"), Map.of());

        assertThatThrownBy(() -> ImageAssembler.assemble(project, request, line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maven-jar-plugin");
    }

    @Test
    void a_gradle_build_output_becomes_dependency_resource_and_class_layers_run_on_the_jars_main_class()
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.slipway.testing.RegistryServer.installed(),
                "needs Debian's docker-registry (.ci/run installs it)");
        // what `gradle build slipwayDependencies` leaves (Gradle cannot be fetched here, so it is laid out by hand)
        Path project = dir.resolve("gradle-project");
        Files.createDirectories(project.resolve("build/classes/java/main/demo"));
        Files.write(project.resolve("build/classes/java/main/demo/App.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.createDirectories(project.resolve("build/classes/kotlin/main/demo"));
        Files.write(project.resolve("build/classes/kotlin/main/demo/Greeter.class"), new byte[] {(byte) 0xCA, 1});
        Files.createDirectories(project.resolve("build/resources/main"));
        Files.writeString(project.resolve("build/resources/main/application.properties"), "greeting=hi\n");
        Files.createDirectories(project.resolve("build/libs"));
        jar(project.resolve("build/libs/app.jar"), "demo.App");
        Files.createDirectories(project.resolve(ProjectBuild.GRADLE_DEPENDENCIES_DIR));
        jar(project.resolve(ProjectBuild.GRADLE_DEPENDENCIES_DIR).resolve("lib-1.0.jar"), null);
        jar(project.resolve(ProjectBuild.GRADLE_DEPENDENCIES_DIR).resolve("wip-2.0-SNAPSHOT.jar"), null);

        try (dev.slipway.testing.RegistryServer registry = dev.slipway.testing.RegistryServer.start()) {
            ImageAssembler.Image image = ImageAssembler.assemble(project, new ImageAssembler.Request("scratch",
                    registry.address() + "/shop/gradle:1", null, null, true, dir.resolve("cache"), Map.of()), line -> { });

            String manifest = registry.manifest("shop/gradle", image.digest());
            java.util.List<java.util.List<String>> layers = new java.util.ArrayList<>();
            var digests = java.util.regex.Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"")
                    .matcher(manifest.substring(manifest.indexOf("\"layers\"")));
            while (digests.find()) {
                layers.add(tarEntries(registry.blobBytes("shop/gradle", digests.group(1))));
            }
            org.assertj.core.api.Assertions.assertThat(layers).containsExactly(
                    java.util.List.of("app/libs/lib-1.0.jar"),
                    java.util.List.of("app/libs/wip-2.0-SNAPSHOT.jar"),
                    java.util.List.of("app/resources/application.properties"),
                    java.util.List.of("app/classes/demo/App.class", "app/classes/demo/Greeter.class"));
            org.assertj.core.api.Assertions.assertThat(registry.blob("shop/gradle", image.imageId()))
                    .contains("/app/resources:/app/classes:/app/libs/*").contains("demo.App");
        }
    }

    @Test
    void a_boot_jar_without_layers_runs_its_start_class_not_boots_launcher() throws Exception {
        Path project = builtProject("org.springframework.boot.loader.launch.JarLauncher");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        manifest.getMainAttributes().putValue("Start-Class", "demo.ShopApplication");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(project.resolve("target/app-1.0.jar")),
                manifest)) {
            jar.flush();
        }

        org.assertj.core.api.Assertions.assertThat(ImageAssembler.mainClass(ImageAssembler.Output.of(project)))
                .isEqualTo("demo.ShopApplication");
    }

    @Test
    void a_gradle_jar_without_a_main_class_says_to_set_it_in_build_gradle() throws Exception {
        Path project = dir.resolve("gradle-project");
        Files.createDirectories(project.resolve("build/classes/java/main/demo"));
        Files.createDirectories(project.resolve("build/libs"));
        jar(project.resolve("build/libs/app.jar"), null);
        ImageAssembler.Request request = new ImageAssembler.Request("scratch", "127.0.0.1:1/shop/app:1", null, null,
                true, dir.resolve("cache"), Map.of());

        assertThatThrownBy(() -> ImageAssembler.assemble(project, request, line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("build.gradle");
    }

    /** The file names in a gzipped tar, directories left out. */
    private static java.util.List<String> tarEntries(byte[] gzipped) throws IOException {
        byte[] tar = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped)).readAllBytes();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int offset = 0; offset + 512 <= tar.length && tar[offset] != 0; ) {
            String name = new String(tar, offset, 100, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "");
            long size = Long.parseLong(new String(tar, offset + 124, 12, java.nio.charset.StandardCharsets.US_ASCII)
                    .replace("\0", "").trim(), 8);
            if (tar[offset + 156] == '0' || tar[offset + 156] == 0) {
                names.add(name.startsWith("/") ? name.substring(1) : name);
            }
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return names;
    }

    private static void jar(Path path, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(path), manifest)) {
            jar.flush();
        }
    }

    /** target/classes with one class, and the jar a Maven build would leave beside it. */
    private Path builtProject(String mainClass) throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("target/classes/demo"));
        Files.write(project.resolve("target/classes/demo/App.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(project.resolve("target/app-1.0.jar")),
                manifest)) {
            jar.flush();
        }
        return project;
    }
}
