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

/** What a build's log says when the image cannot be made or pushed: what is wrong and what to check. */
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
    void a_jar_without_a_main_class_says_where_to_set_it() throws Exception {
        Path project = builtProject(null);
        ImageAssembler.Request request = new ImageAssembler.Request("scratch", "127.0.0.1:1/shop/app:1", null, null,
                true, dir.resolve("cache"), Map.of());

        assertThatThrownBy(() -> ImageAssembler.assemble(project, request, line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maven-jar-plugin");
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
