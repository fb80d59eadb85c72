package dev.slipway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git server over ssh for tests, as GitHub serves deploy keys: public-key authentication only, for the
 * keys added with {@link #authorize}, and read access (git-upload-pack, served by JGit) to the bare
 * repositories under a root directory. Its host key is made when it starts, so each server is a new host.
 */
public final class GitSshServer implements AutoCloseable {

    private final SshServer server;
    private final Set<PublicKey> authorized;

    private GitSshServer(SshServer server, Set<PublicKey> authorized) {
        this.server = server;
        this.authorized = authorized;
    }

    public static GitSshServer start(Path root) throws IOException {
        Set<PublicKey> authorized = new CopyOnWriteArraySet<>();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider()); // in memory: a fresh host key per server
        server.setPublickeyAuthenticator((user, key, session) -> authorized.stream()
                .anyMatch(known -> KeyUtils.compareKeys(known, key)));
        server.setCommandFactory((channel, command) -> new UploadPackCommand(root, command));
        server.start();
        return new GitSshServer(server, authorized);
    }

    /** Adds a deploy key given as the one-line OpenSSH public key a user pastes into the provider. */
    public void authorize(String openSshPublicKey) {
        try {
            authorized.add(PublicKeyEntry.parsePublicKeyEntry(openSshPublicKey).resolvePublicKey(null, null, null));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("not an OpenSSH public key: " + openSshPublicKey, e);
        }
    }

    /** ssh://git@127.0.0.1:port/path */
    public String url(String path) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + path;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code git-upload-pack '/shop/app.git'}: what a git client runs on the server to fetch. */
    private static final class UploadPackCommand implements Command {

        private final Path root;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(Path root, String command) {
            this.root = root;
            this.command = command;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            Thread.ofVirtual().start(() -> {
                int status = 0;
                String message = null;
                try {
                    if (!command.startsWith("git-upload-pack ")) {
                        throw new IOException("only git-upload-pack is served here");
                    }
                    String path = command.substring("git-upload-pack ".length()).replace("'", "").replaceFirst("^/", "");
                    Path directory = root.resolve(path).normalize();
                    if (!directory.startsWith(root)) {
                        throw new IOException("outside the served root");
                    }
                    try (Repository repository = new FileRepositoryBuilder().setGitDir(directory.toFile())
                            .setMustExist(true).build()) {
                        new UploadPack(repository).upload(in, out, err);
                    }
                } catch (IOException | RuntimeException e) {
                    status = 1;
                    message = e.getMessage();
                }
                try {
                    if (message != null) {
                        err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    out.flush();
                    err.flush();
                } catch (IOException ignored) {
                    // the client went away; nothing to tell it
                }
                exit.onExit(status, message == null ? "" : message);
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
