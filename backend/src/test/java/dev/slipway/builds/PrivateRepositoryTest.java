package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.testing.GitHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching a private repository over https-style smart HTTP with an access token as the password. */
class PrivateRepositoryTest {

    static final String TOKEN = "glpat-private-token-123";

    @TempDir
    Path dir;

    @Test
    void the_token_opens_a_private_repository_and_without_it_the_fetch_says_what_to_check() throws Exception {
        assumeTrue(GitHttpServer.installed(), "needs git's http-backend (Debian's git package)");
        Path root = dir.resolve("srv");
        Path bare = root.resolve("shop/private.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (Git work = Git.init().setDirectory(dir.resolve("work").toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("work/README.md"), "private\n");
            work.add().addFilepattern(".").call();
            PersonIdent ident = new PersonIdent("Ana Builder", "ana@example.com");
            work.commit().setMessage("private code").setAuthor(ident).setCommitter(ident).call();
            work.push().setRemote(bare.toUri().toString()).add("main").call();
        }

        try (GitHttpServer server = GitHttpServer.start(root, TOKEN)) {
            String url = server.url("shop/private.git");

            assertThatThrownBy(() -> GitCheckout.checkout(dir.resolve("cache-a"), url, "main", null, null,
                    dir.resolve("out-a")))
                    .isInstanceOf(IOException.class).hasMessageContaining("access token");
            assertThatThrownBy(() -> GitCheckout.checkout(dir.resolve("cache-b"), url, "main", null, "wrong",
                    dir.resolve("out-b")))
                    .isInstanceOf(IOException.class).hasMessageNotContaining("wrong");

            GitCheckout.Checkout checkout = GitCheckout.checkout(dir.resolve("cache-c"), url, "main", null, TOKEN,
                    dir.resolve("out-c"));

            assertThat(checkout.message()).isEqualTo("private code");
            assertThat(dir.resolve("out-c/README.md")).hasContent("private");
        }
    }
}
