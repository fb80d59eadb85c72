package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.testing.RegistryServer;
import dev.slipway.testing.SampleProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a commit to an image in a real registry: a sample Maven project pushed into a bare repository,
 * fetched with JGit, built with Maven in a child process, assembled and pushed with jib-core.
 */
class BuildPipelineTest {

    static RegistryServer registry;
    @TempDir
    static Path dir;
    static Path origin;
    static Path author;
    static Git work;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(RegistryServer.installed(), "needs Debian's docker-registry (.ci/run installs it)");
        registry = RegistryServer.start();
        origin = dir.resolve("origin.git");
        author = dir.resolve("author");
        work = SampleProjects.bareRepository("/sample-app", origin, author);
        assertThat(Files.isExecutable(author.resolve("mvnw"))).isTrue();
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (work != null) {
            work.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void a_commit_becomes_an_image_the_same_commit_the_same_digest_and_a_one_class_change_one_new_layer()
            throws Exception {
        Path cache = dir.resolve("cache/sample.git");
        String target = registry.address() + "/shop/sample";

        Built first = build(cache, null, target + ":one", "w1");
        assertThat(first.log()).anyMatch(l -> l.contains("BUILD SUCCESS"));
        assertThat(first.log().getFirst()).as("the repository's Maven wrapper, executable after the checkout")
                .startsWith("$ " + dir.resolve("w1/mvnw"));
        assertThat(first.image().digest()).startsWith("sha256:");
        assertThat(registry.manifest("shop/sample", first.image().digest())).contains("\"layers\"");

        Built again = build(cache, first.checkout().commit(), target + ":again", "w2");
        assertThat(again.image().digest()).as("same commit, same digest").isEqualTo(first.image().digest());

        Files.writeString(author.resolve("src/main/java/demo/Greeting.java"), Files.readString(
                author.resolve("src/main/java/demo/Greeting.java")).replace("version 1", "version 2"));
        SampleProjects.commitAndPush(work, "second version");
        int uploadsBefore = registry.uploadedBlobs().size();

        Built changed = build(cache, null, target + ":two", "w3");

        assertThat(changed.checkout().commit()).isNotEqualTo(first.checkout().commit());
        assertThat(changed.image().digest()).isNotEqualTo(first.image().digest());
        List<String> uploaded = registry.uploadedBlobs().subList(uploadsBefore, registry.uploadedBlobs().size());
        // the classes layer and the image config (which lists the layers), nothing else
        assertThat(uploaded).hasSize(2).contains(changed.image().imageId());
        String manifestOne = registry.manifest("shop/sample", first.image().digest());
        String manifestTwo = registry.manifest("shop/sample", changed.image().digest());
        // dependencies, resources, classes (the snapshot dependencies layer is empty, and jib leaves it out)
        List<String> before = layers(manifestOne);
        List<String> after = layers(manifestTwo);
        assertThat(after).hasSize(3).hasSameSizeAs(before);
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
        assertThat(after.getLast()).isNotEqualTo(before.getLast()).isIn(uploaded);
    }

    @Test
    void a_compile_error_fails_the_build_with_the_compilers_message_in_the_log() throws Exception {
        Path workspace = dir.resolve("broken");
        SampleProjects.copy("/sample-app", workspace);
        Files.writeString(workspace.resolve("src/main/java/demo/Greeting.java"), "package demo; class Greeting { int x = ; }");
        List<String> log = new ArrayList<>();

        ProjectBuild.Result result = ProjectBuild.run(ProjectBuild.detect(workspace, 512), Duration.ofMinutes(5),
                SecretMask.none(), log::add, () -> false);

        assertThat(result.outcome()).isEqualTo(ProjectBuild.Outcome.FAILED);
        assertThat(result.detail()).contains("exited with code");
        assertThat(log).anyMatch(l -> l.contains("Greeting.java") && l.contains("ERROR"));
    }

    @Test
    void a_commit_that_is_not_on_the_branch_is_refused_with_a_reason() {
        Path cache = dir.resolve("cache/other.git");

        assertThatThrownBy(() -> GitCheckout.checkout(cache, origin.toUri().toString(), "main",
                "0123456789abcdef0123456789abcdef01234567", GitCheckout.Access.anonymous(), dir.resolve("nowhere")))
                .isInstanceOf(IOException.class).hasMessageContaining("is not on branch main");
        assertThatThrownBy(() -> GitCheckout.checkout(cache, origin.toUri().toString(), "release", null, GitCheckout.Access.anonymous(),
                dir.resolve("nowhere2")))
                .isInstanceOf(IOException.class).hasMessageContaining("release");
    }

    /** What one build produced. */
    record Built(GitCheckout.Checkout checkout, ImageAssembler.Image image, List<String> log) {
    }

    private static Built build(Path cache, String commit, String target, String workspaceName) throws Exception {
        Path workspace = dir.resolve(workspaceName);
        GitCheckout.Checkout checkout = GitCheckout.checkout(cache, origin.toUri().toString(), "main", commit,
                GitCheckout.Access.anonymous(), workspace);
        List<String> log = new ArrayList<>();
        ProjectBuild.Result result = ProjectBuild.run(ProjectBuild.detect(workspace, 512), Duration.ofMinutes(5),
                SecretMask.none(), log::add, () -> false);
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(ProjectBuild.Outcome.SUCCEEDED);
        ImageAssembler.Image image = ImageAssembler.assemble(workspace, new ImageAssembler.Request("scratch", target,
                null, null, true, dir.resolve("jib-cache"), Map.of("org.opencontainers.image.revision", checkout.commit())),
                log::add);
        return new Built(checkout, image, log);
    }

    private static List<String> layers(String manifest) {
        return java.util.regex.Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"").matcher(
                manifest.substring(manifest.indexOf("\"layers\""))).results().map(m -> m.group(1)).toList();
    }
}
