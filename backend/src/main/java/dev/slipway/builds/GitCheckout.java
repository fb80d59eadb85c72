package dev.slipway.builds;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * Gets one commit's files into a fresh workspace. Each app has a bare repository in the cache: the first
 * fetch is shallow (depth 1), later ones bring only what is new, and an older commit than the fetched
 * tips deepens the history once. The workspace gets the commit's tree (files, executable bits, symlinks),
 * without a .git directory: the build needs the sources, not the history.
 */
public final class GitCheckout {

    /**
     * @param commit  the full SHA that was checked out
     * @param author  its author's name
     * @param message its subject line
     * @param hostKey the ssh server's address and host key ("address type base64"), for an ssh fetch; null
     *                over https
     */
    public record Checkout(String commit, String author, String message, Path directory, @Nullable String hostKey) {
    }

    /**
     * How a fetch authenticates.
     *
     * @param token        an https access token
     * @param deployKey    the key pair for an ssh fetch
     * @param knownHostKey the ssh server's address and host key seen at the first fetch; null until then,
     *                     when the key offered is trusted and returned in {@link Checkout#hostKey()}
     */
    public record Access(@Nullable String token, @Nullable KeyPair deployKey, @Nullable String knownHostKey) {

        public static Access anonymous() {
            return new Access(null, null, null);
        }

        public static Access token(@Nullable String token) {
            return new Access(token, null, null);
        }

        @Override
        public String toString() {
            return "Access[" + (token != null ? "token" : deployKey != null ? "deploy key" : "anonymous") + "]";
        }
    }

    /**
     * How long a fetch may wait for the git server to connect or to send the next bytes. Without it a
     * server that accepts the connection and then says nothing holds a build slot for ever.
     */
    static final int TRANSPORT_TIMEOUT_SECONDS = 120;

    private GitCheckout() {
    }

    /**
     * @param cache  this app's bare repository (created when missing)
     * @param url    the repository URL (already checked by the apps feature)
     * @param branch the branch to fetch
     * @param commit a commit on that branch; null for its tip
     * @param access how to authenticate
     * @throws IOException with a message for the user when the repository cannot be read or the commit
     *                     is not on the branch
     */
    public static Checkout checkout(Path cache, String url, String branch, @Nullable String commit, Access access,
                                    Path into) throws IOException {
        RememberedHostKey hostKeys = new RememberedHostKey(access.knownHostKey());
        try (Git git = open(cache); Ssh ssh = new Ssh(cache, access.deployKey(), hostKeys)) {
            Fetch fetch = new Fetch(git, url, branch, access.token(), ssh, hostKeys);
            boolean first = git.getRepository().exactRef("refs/heads/" + branch) == null;
            fetch.run(first, false);
            Repository repository = git.getRepository();
            ObjectId wanted = commit == null ? repository.resolve("refs/heads/" + branch) : ObjectId.fromString(commit);
            if (wanted == null) {
                throw new IOException("Branch " + branch + " does not exist in " + url + ".");
            }
            if (!repository.getObjectDatabase().has(wanted)) {
                // older than the shallow history we hold: fetch the rest once
                fetch.run(false, true);
                if (!repository.getObjectDatabase().has(wanted)) {
                    throw new IOException("Commit " + commit + " is not on branch " + branch + " of " + url + ".");
                }
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit revision = walk.parseCommit(wanted);
                export(repository, revision, into);
                return new Checkout(revision.getName(), revision.getAuthorIdent().getName(), revision.getShortMessage(),
                        into, hostKeys.seen());
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("\"" + commit + "\" is not a commit SHA.", e);
        }
    }

    private static Git open(Path cache) throws IOException {
        try {
            if (Files.isDirectory(cache.resolve("objects"))) {
                return Git.open(cache.toFile());
            }
            Files.createDirectories(cache);
            return Git.init().setBare(true).setDirectory(cache.toFile()).call();
        } catch (GitAPIException e) {
            throw new IOException("The repository cache " + cache + " could not be created: " + e.getMessage(), e);
        }
    }

    private record Fetch(Git git, String url, String branch, @Nullable String token, Ssh ssh,
                         RememberedHostKey hostKeys) {

        void run(boolean shallow, boolean unshallow) throws IOException {
            FetchCommand fetch = git.fetch().setRemote(url)
                    .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch))
                    .setTimeout(TRANSPORT_TIMEOUT_SECONDS)
                    .setTransportConfigCallback(ssh);
            if (shallow) {
                fetch.setDepth(1);
            }
            if (unshallow) {
                fetch.setUnshallow(true);
            }
            if (token != null) {
                // GitHub, GitLab and Gitea all take a token as the password with any user name
                fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider("slipway", token));
            }
            try {
                fetch.call();
            } catch (TransportException e) {
                if (hostKeys.changed()) {
                    throw new IOException("The ssh host key of " + url + " is not the one Slipway saw at the first fetch"
                            + " (that was " + SshKeys.hostKeyFingerprint(String.valueOf(hostKeys.refusedFor())) + ", now "
                            + SshKeys.hostKeyFingerprint(String.valueOf(hostKeys.seen())) + "). Someone may be in between; if the"
                            + " git server was really re-keyed, a maintainer clears the remembered host key on the app's"
                            + " Builds page.", e);
                }
                String check = ssh.used()
                        ? ". Check the URL, that the branch exists, and that the app's deploy key is added to the repository"
                        + " (read access is enough)"
                        : ". Check the URL, that the branch exists, and the access token if the repository is private";
                throw new IOException("Could not fetch " + branch + " from " + url + ": " + e.getMessage() + check + ".", e);
            } catch (GitAPIException e) {
                throw new IOException("Could not fetch " + branch + " from " + url + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The ssh side of a fetch: only the app's deploy key is offered, and nothing of the Slipway host's
     * own ~/.ssh (keys, config, known_hosts) is read, so one app's fetch never uses another's access.
     */
    private static final class Ssh implements TransportConfigCallback, AutoCloseable {

        private final File home;
        private final List<KeyPair> keys;
        private final RememberedHostKey hostKeys;
        /** Made at the first ssh transport only: https fetches never start an ssh client. */
        private @Nullable SshdSessionFactory factory;

        Ssh(Path cache, @Nullable KeyPair key, RememberedHostKey hostKeys) {
            // an empty home of the fetch's own: JGit would otherwise read keys, config and known_hosts there
            this.home = cache.resolveSibling(cache.getFileName() + ".ssh-home").toFile();
            // without a deploy key, an ssh fetch fails for that reason instead of trying anyone else's key
            this.keys = key == null ? List.of() : List.of(key);
            this.hostKeys = hostKeys;
        }

        @Override
        public void configure(Transport transport) {
            if (transport instanceof SshTransport ssh) {
                if (factory == null) {
                    factory = new SshdSessionFactoryBuilder()
                            .setHomeDirectory(home)
                            .setSshDirectory(home)
                            .setDefaultKeysProvider(directory -> keys)
                            .setServerKeyDatabase((homeDirectory, sshDirectory) -> hostKeys)
                            .setPreferredAuthentications("publickey")
                            .build(null);
                }
                ssh.setSshSessionFactory(factory);
            }
        }

        boolean used() {
            return factory != null;
        }

        @Override
        public void close() {
            if (factory != null) {
                factory.close();
            }
        }
    }

    /**
     * Trust on first use, per app and git server: the first host key a server offers is kept (as
     * "{@code address type base64}") and a different one from that server later is refused. A server the app
     * never fetched from (its URL moved) is trusted anew; within one checkout the first key seen is pinned.
     */
    private static final class RememberedHostKey implements ServerKeyDatabase {

        private final @Nullable String known;
        private volatile @Nullable String seen;
        /** The key a refused one was compared with: the remembered one, or the first of this checkout. */
        private volatile @Nullable String refusedFor;

        RememberedHostKey(@Nullable String known) {
            this.known = known;
        }

        @Override
        public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
            return List.of();
        }

        @Override
        public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                              Configuration config, @Nullable CredentialsProvider provider) {
            String offered = connectAddress + " " + PublicKeyEntry.toString(serverKey);
            String pinned = seen != null ? seen
                    : known != null && known.startsWith(connectAddress + " ") ? known : null;
            if (pinned == null || pinned.equals(offered)) {
                seen = offered;
                return true;
            }
            seen = offered;
            refusedFor = pinned;
            return false;
        }

        @Nullable String refusedFor() {
            return refusedFor;
        }

        @Nullable String seen() {
            return seen;
        }

        boolean changed() {
            return refusedFor != null;
        }
    }

    private static void export(Repository repository, RevCommit commit, Path into) throws IOException {
        Files.createDirectories(into);
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                Path file = into.resolve(tree.getPathString()).normalize();
                if (!file.startsWith(into) || mode == FileMode.GITLINK) {
                    continue; // paths escaping the workspace; submodules are not fetched
                }
                Files.createDirectories(file.getParent());
                if (mode == FileMode.SYMLINK) {
                    byte[] target = repository.open(tree.getObjectId(0)).getBytes();
                    Files.createSymbolicLink(file, Path.of(new String(target, StandardCharsets.UTF_8)));
                    continue;
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    repository.open(tree.getObjectId(0)).copyTo(out); // streamed: large files do not fill the heap
                }
                if (mode == FileMode.EXECUTABLE_FILE) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                    permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(file, permissions);
                }
            }
        }
    }
}
