package dev.slipway.cli.account;

import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored login: {@code $XDG_CONFIG_HOME/slipway/config.json}, else {@code ~/.config/slipway/config.json}
 * (never {@code ~/.slipway}, the server's data directory). It holds a token that acts as its user, so the
 * file is 0600 in a 0700 directory, written whole to a temporary file and moved into place so that no
 * moment exists where it is readable by others or half written.
 */
public final class ConfigFile {

    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final JsonMapper json;

    public ConfigFile(Path file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    /** What is stored: the server's URL and the token. */
    public record Login(String url, String token) {

        /** The token stays out of stack traces and debug output. */
        @Override
        public String toString() {
            return "Login[url=" + url + ", token=(hidden)]";
        }
    }

    /**
     * Where the login is kept for this environment: {@code XDG_CONFIG_HOME} when it is an absolute path (the
     * XDG spec says to ignore relative ones), else {@code .config} under {@code HOME}, else under {@code user.home}.
     */
    public static Path location(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = env.get("HOME");
            base = Path.of(home != null && !home.isBlank() && Path.of(home).isAbsolute() ? home : userHome, ".config");
        }
        return base.resolve("slipway").resolve("config.json");
    }

    public Path path() {
        return file;
    }

    /** The stored login, if any. */
    public Optional<Login> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Login login = json.readValue(Files.readString(file, StandardCharsets.UTF_8), Login.class);
            if (login.url() == null || login.token() == null) {
                throw new CliException(ExitCodes.NOT_CONNECTED, file + " holds no URL and token. Log in again with"
                        + " slipway login URL");
            }
            return Optional.of(login);
        } catch (IOException | JacksonException e) {
            throw new CliException(ExitCodes.NOT_CONNECTED, "Cannot read the stored login in " + file + ": "
                    + e.getMessage() + ". Log in again with slipway login URL (it rewrites the file)", e);
        }
    }

    /** Whether others than the owner may read the file; a login saved by an older or other tool might be. */
    public boolean readableByOthers() {
        if (!posix() || !Files.exists(file)) {
            return false;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            return mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Stores the login, replacing any stored before. */
    public void write(Login login) {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            if (posix()) {
                Files.createDirectories(directory.getParent());
                if (!Files.isDirectory(directory)) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
                }
                // ours alone, also when it existed with a looser mode (or the umask loosened it)
                Files.setPosixFilePermissions(directory, DIRECTORY_MODE);
                temporary = Files.createTempFile(directory, "config", ".tmp",
                        PosixFilePermissions.asFileAttribute(FILE_MODE));
            } else {
                Files.createDirectories(directory);
                temporary = Files.createTempFile(directory, "config", ".tmp");
            }
            Files.writeString(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsString(login) + "\n",
                    StandardCharsets.UTF_8);
            move(temporary, file);
            temporary = null;
            if (posix()) {
                Files.setPosixFilePermissions(file, FILE_MODE);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "Cannot store the login in " + file + ": " + e.getMessage()
                    + ". Set XDG_CONFIG_HOME to a directory you can write, or use SLIPWAY_URL and SLIPWAY_TOKEN", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // it holds the token: nothing more can be done than trying
                }
            }
        }
    }

    /** Forgets the stored login; false when there was none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
