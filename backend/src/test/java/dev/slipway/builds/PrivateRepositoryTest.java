package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.testing.GitHttpServer;
import dev.slipway.testing.GitSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching a private repository: over smart HTTP with an access token as the password, and over ssh with
 * a deploy key, the git server's host key trusted at the first fetch and held to after it.
 */
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

            assertThatThrownBy(() -> GitCheckout.checkout(dir.resolve("cache-a"), url, "main", null,
                    GitCheckout.Access.anonymous(), dir.resolve("out-a")))
                    .isInstanceOf(IOException.class).hasMessageContaining("access token");
            assertThatThrownBy(() -> GitCheckout.checkout(dir.resolve("cache-b"), url, "main", null, GitCheckout.Access.token("wrong"),
                    dir.resolve("out-b")))
                    .isInstanceOf(IOException.class).hasMessageNotContaining("wrong");

            GitCheckout.Checkout checkout = GitCheckout.checkout(dir.resolve("cache-c"), url, "main", null, GitCheckout.Access.token(TOKEN),
                    dir.resolve("out-c"));

            assertThat(checkout.message()).isEqualTo("private code");
            assertThat(dir.resolve("out-c/README.md")).hasContent("private");
        }
    }

    @Test
    void the_deploy_key_opens_a_repository_over_ssh_and_the_host_key_is_held_to_after_the_first_fetch() throws Exception {
        Path root = dir.resolve("srv");
        privateRepository(root.resolve("shop/private.git"));
        java.security.KeyPair deployKey = SshKeys.generate();
        try (GitSshServer server = GitSshServer.start(root)) {
            server.authorize(SshKeys.openSsh(deployKey.getPublic(), "slipway-shop"));
            String url = server.url("shop/private.git");

            GitCheckout.Checkout first = GitCheckout.checkout(dir.resolve("cache"), url, "main", null,
                    new GitCheckout.Access(null, deployKey, null), dir.resolve("out-1"));
            GitCheckout.Checkout again = GitCheckout.checkout(dir.resolve("cache"), url, "main", null,
                    new GitCheckout.Access(null, deployKey, first.hostKey()), dir.resolve("out-2"));

            assertThat(first.message()).isEqualTo("private code");
            assertThat(dir.resolve("out-1/README.md")).hasContent("private");
            assertThat(first.hostKey()).as("the server's host key, to remember").isNotBlank();
            assertThat(again.commit()).isEqualTo(first.commit());

            String address = first.hostKey().substring(0, first.hostKey().indexOf(' '));
            String impostor = SshKeys.openSsh(SshKeys.generate().getPublic(), "elsewhere");
            GitCheckout.Checkout moved = GitCheckout.checkout(dir.resolve("cache-m"), url, "main", null,
                    new GitCheckout.Access(null, deployKey, "[git.old.example]:22 " + impostor), dir.resolve("out-m"));
            assertThat(moved.hostKey()).as("a server never fetched from before is trusted anew")
                    .isEqualTo(first.hostKey());
            assertThatThrownBy(() -> GitCheckout.checkout(dir.resolve("cache-x"), url, "main", null,
                    new GitCheckout.Access(null, deployKey, address + " " + impostor), dir.resolve("out-x")))
                    .isInstanceOf(IOException.class).hasMessageContaining("host key")
                    .hasMessageContaining(SshKeys.fingerprint(impostor)).hasMessageContaining("clears the remembered host key");
            assertThatThrownBy(() -> GitCheckout.checkout(dir.resolve("cache-y"), url, "main", null,
                    new GitCheckout.Access(null, SshKeys.generate(), null), dir.resolve("out-y")))
                    .as("a key the repository does not know")
                    .isInstanceOf(IOException.class).hasMessageContaining("deploy key is added to the repository");
        }
    }

    private void privateRepository(Path bare) throws Exception {
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (Git work = Git.init().setDirectory(dir.resolve("work-ssh").toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("work-ssh/README.md"), "private\n");
            work.add().addFilepattern(".").call();
            PersonIdent ident = new PersonIdent("Ana Builder", "ana@example.com");
            work.commit().setMessage("private code").setAuthor(ident).setCommitter(ident).call();
            work.push().setRemote(bare.toUri().toString()).add("main").call();
        }
    }
}
