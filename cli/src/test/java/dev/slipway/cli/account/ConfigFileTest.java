package dev.slipway.cli.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ConfigFileTest {

    @TempDir
    Path home;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_login_is_kept_under_xdg_config_home_when_it_is_absolute() {
        assertThat(ConfigFile.location(Map.of("XDG_CONFIG_HOME", "/x/config", "HOME", "/home/ana"), "/passwd/home"))
                .isEqualTo(Path.of("/x/config/slipway/config.json"));
    }

    @Test
    void otherwise_under_dot_config_in_home_never_in_the_servers_dot_slipway() {
        assertThat(ConfigFile.location(Map.of("HOME", "/home/ana"), "/passwd/home"))
                .isEqualTo(Path.of("/home/ana/.config/slipway/config.json"));
        // the XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored
        assertThat(ConfigFile.location(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/home/ana"), "/passwd/home"))
                .isEqualTo(Path.of("/home/ana/.config/slipway/config.json"));
        assertThat(ConfigFile.location(Map.of(), "/passwd/home"))
                .isEqualTo(Path.of("/passwd/home/.config/slipway/config.json"));
        assertThat(ConfigFile.location(Map.of("HOME", "/home/ana"), "/passwd/home").toString()).doesNotContain(".slipway");
    }

    @Test
    void the_file_is_readable_by_its_owner_alone_in_a_directory_only_the_owner_can_enter() throws Exception {
        Path file = home.resolve(".config/slipway/config.json");
        ConfigFile config = new ConfigFile(file, json);

        config.write(new ConfigFile.Login("http://localhost:8080", "slw_secret"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(config.readableByOthers()).isFalse();
        assertThat(config.read()).hasValue(new ConfigFile.Login("http://localhost:8080", "slw_secret"));
    }

    @Test
    void a_directory_that_existed_with_a_looser_mode_is_tightened_and_no_temporary_file_stays() throws Exception {
        Path directory = Files.createDirectories(home.resolve("slipway"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        ConfigFile config = new ConfigFile(directory.resolve("config.json"), json);

        config.write(new ConfigFile.Login("http://a", "slw_one"));
        config.write(new ConfigFile.Login("http://b", "slw_two"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(directory.resolve("config.json"));
        }
        assertThat(config.read()).hasValue(new ConfigFile.Login("http://b", "slw_two"));
    }

    @Test
    void a_file_others_can_read_is_noticed() throws Exception {
        Path file = home.resolve("config.json");
        ConfigFile config = new ConfigFile(file, json);
        config.write(new ConfigFile.Login("http://a", "slw_one"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(config.readableByOthers()).isTrue();
    }

    @Test
    void logout_deletes_the_file_and_says_whether_there_was_one() {
        ConfigFile config = new ConfigFile(home.resolve("slipway/config.json"), json);
        config.write(new ConfigFile.Login("http://a", "slw_one"));

        assertThat(config.delete()).isTrue();
        assertThat(config.delete()).isFalse();
        assertThat(config.read()).isEmpty();
    }

    @Test
    void a_damaged_file_asks_for_a_new_login() throws Exception {
        Path file = home.resolve("config.json");
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> new ConfigFile(file, json).read())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("slipway login URL")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(4));
    }

    @Test
    void the_token_never_shows_in_a_printed_login() {
        assertThat(new ConfigFile.Login("http://a", "slw_secret").toString()).doesNotContain("slw_secret");
    }
}
