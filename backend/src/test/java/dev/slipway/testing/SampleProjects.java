package dev.slipway.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** The sample apps under test resources, copied where a test builds them or committed into a bare repository. */
public final class SampleProjects {

    public static final PersonIdent AUTHOR = new PersonIdent("Ana Builder", "ana@example.com");

    private SampleProjects() {
    }

    /**
     * Copies a sample (e.g. "/sample-app") to {@code to}. Its Maven wrapper is made executable again:
     * test resources lose that bit on their way into target/test-classes.
     */
    public static Path copy(String resource, Path to) throws IOException {
        Path from;
        try {
            from = Path.of(Objects.requireNonNull(SampleProjects.class.getResource(resource), resource).toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted().toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                    destination.toFile().setExecutable(destination.getFileName().toString().equals("mvnw"));
                }
            }
        }
        return to;
    }

    /**
     * A bare repository on branch main holding the sample as one commit by {@link #AUTHOR}; {@code work}
     * is the clone it was pushed from, left in place for tests that commit more.
     */
    public static Git bareRepository(String resource, Path bare, Path work) throws IOException, GitAPIException {
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call();
        // JGit leaves a clone of an empty repository on master; the bare repository's HEAD says main
        git.getRepository().updateRef("HEAD").link("refs/heads/main");
        copy(resource, work);
        commitAndPush(git, "sample app");
        return git;
    }

    public static void commitAndPush(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        git.push().call();
    }
}
