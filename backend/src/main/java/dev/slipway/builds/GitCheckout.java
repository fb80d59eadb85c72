package dev.slipway.builds;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
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
     */
    public record Checkout(String commit, String author, String message, Path directory) {
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
     * @param token  an https access token; null for a public repository
     * @throws IOException with a message for the user when the repository cannot be read or the commit
     *                     is not on the branch
     */
    public static Checkout checkout(Path cache, String url, String branch, @Nullable String commit, @Nullable String token,
                                    Path into) throws IOException {
        try (Git git = open(cache)) {
            boolean first = git.getRepository().exactRef("refs/heads/" + branch) == null;
            fetch(git, url, branch, token, first, false);
            Repository repository = git.getRepository();
            ObjectId wanted = commit == null ? repository.resolve("refs/heads/" + branch) : ObjectId.fromString(commit);
            if (wanted == null) {
                throw new IOException("Branch " + branch + " does not exist in " + url + ".");
            }
            if (!repository.getObjectDatabase().has(wanted)) {
                // older than the shallow history we hold: fetch the rest once
                fetch(git, url, branch, token, false, true);
                if (!repository.getObjectDatabase().has(wanted)) {
                    throw new IOException("Commit " + commit + " is not on branch " + branch + " of " + url + ".");
                }
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit revision = walk.parseCommit(wanted);
                export(repository, revision, into);
                return new Checkout(revision.getName(), revision.getAuthorIdent().getName(), revision.getShortMessage(),
                        into);
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

    private static void fetch(Git git, String url, String branch, @Nullable String token, boolean shallow,
                              boolean unshallow) throws IOException {
        FetchCommand fetch = git.fetch().setRemote(url)
                .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch))
                .setTimeout(TRANSPORT_TIMEOUT_SECONDS);
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
            throw new IOException("Could not fetch " + branch + " from " + url + ": " + e.getMessage()
                    + ". Check the URL, that the branch exists, and the access token if the repository is private.", e);
        } catch (GitAPIException e) {
            throw new IOException("Could not fetch " + branch + " from " + url + ": " + e.getMessage(), e);
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
