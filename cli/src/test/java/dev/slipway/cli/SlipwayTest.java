package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command line as a user types it: parsing, usage errors and their exit codes, all without a server. */
class SlipwayTest {

    @TempDir
    Path config;

    private TestTerminal terminal = TestTerminal.piped("");

    private int run(Map<String, String> env, String... args) {
        return Slipway.run(TestTerminal.context(terminal, config, env), args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void help_lists_every_command_the_exit_codes_and_the_environment_variables() {
        assertThat(run("--help")).isZero();

        assertThat(terminal.stdout()).contains("login", "logout", "whoami", "apps", "deploy", "rollout", "promote",
                        "abort", "rollback", "releases", "config", "secret", "builds", "build", "tokens")
                .contains("Exit codes:", "  0   ok", "  1   Slipway refused", "  2   usage", "  3   timed out waiting",
                        "  4   cannot talk to Slipway")
                .contains("SLIPWAY_URL", "SLIPWAY_TOKEN", "XDG_CONFIG_HOME");
    }

    @Test
    void every_command_says_what_it_does_in_its_help() {
        List<CommandLine> all = new ArrayList<>();
        collect(Slipway.commandLine(TestTerminal.context(terminal, config, Map.of())), all);

        assertThat(all).hasSizeGreaterThan(20);
        for (CommandLine command : all) {
            CommandSpec spec = command.getCommandSpec();
            if (spec.name().equals("help")) {
                continue;
            }
            assertThat(spec.usageMessage().header()).as(spec.qualifiedName()).isNotEmpty();
            assertThat(spec.usageMessage().description()).as(spec.qualifiedName()).isNotEmpty();
            assertThat(spec.mixinStandardHelpOptions()).as(spec.qualifiedName() + " --help").isTrue();
            // picocli formats help text with String.format: a lone % would print the raw text and a warning
            for (String line : spec.usageMessage().description()) {
                assertThat(catchThrowable(() -> String.format(line))).as(line).isNull();
            }
            for (ArgSpec arg : spec.args()) {
                for (String line : arg.description()) {
                    assertThat(catchThrowable(() -> String.format(line))).as(line).isNull();
                }
            }
        }
    }

    @Test
    void no_command_takes_a_token_or_a_secret_value_as_an_argument() {
        List<CommandLine> all = new ArrayList<>();
        collect(Slipway.commandLine(TestTerminal.context(terminal, config, Map.of())), all);

        for (CommandLine command : all) {
            for (ArgSpec arg : command.getCommandSpec().args()) {
                if (arg.typeInfo().isBoolean()) {
                    continue; // a flag such as config import --secrets carries no value
                }
                String names = arg.paramLabel() + " " + (arg.isOption() ? String.join(" ", ((OptionSpec) arg).names()) : "");
                assertThat(names.toUpperCase()).as(command.getCommandSpec().qualifiedName() + " " + names)
                        .doesNotContain("TOKEN").doesNotContain("PASSWORD").doesNotContain("SECRET");
            }
        }
        assertThat(run("secret", "set", "menu", "dev", "DB_PASSWORD", "hunter2")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("value is read from stdin").doesNotContain("hunter2");
        assertThat(run("login", "http://localhost:8080", "slw_typed_by_mistake")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("token is read from stdin").doesNotContain("slw_typed_by_mistake");
    }

    @Test
    void a_missing_argument_is_a_usage_error_that_points_to_help() {
        assertThat(run("deploy", "menu")).isEqualTo(ExitCodes.USAGE);

        assertThat(terminal.stderr()).contains("error: Missing required parameter: 'ENV'")
                .contains("See 'slipway deploy --help'.");
        assertThat(terminal.stdout()).isEmpty();
    }

    @Test
    void a_mistyped_command_gets_a_suggestion() {
        assertThat(run("deplyo", "menu", "dev")).isEqualTo(2);

        assertThat(terminal.stderr()).contains("deploy");
    }

    @Test
    void slipway_alone_shows_the_commands_as_a_usage_error() {
        assertThat(run()).isEqualTo(2);

        assertThat(terminal.stderr()).contains("Commands:");
    }

    @Test
    void a_group_without_its_subcommand_is_a_usage_error() {
        assertThat(run("config")).isEqualTo(2);
        assertThat(run("rollout")).isEqualTo(2);
    }

    @Test
    void options_that_contradict_each_other_are_refused_before_anything_is_sent() {
        assertThat(run("deploy", "menu", "dev", "--image", "nginx:1", "--timeout", "5m")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("--timeout limits --wait");

        assertThat(run("deploy", "menu", "dev", "--image", "nginx:1", "--build", "3")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("give one of them");
    }

    @Test
    void malformed_values_are_usage_errors_that_say_what_is_accepted() {
        assertThat(run("deploy", "menu", "dev", "--wait", "--timeout", "ten")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("90s, 10m, 1h30m or 30d");

        assertThat(run("rollback", "menu", "dev", "--to", "latest")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("write 3 or v3");

        assertThat(run("rollback", "menu", "dev")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("--to");

        assertThat(run("-o", "yaml", "apps")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("table, json");

        assertThat(run("config", "set", "menu", "dev", "LOG_LEVEL")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("'LOG_LEVEL' is not KEY=VALUE");
    }

    @Test
    void output_format_may_be_given_before_or_after_the_command() {
        Context before = TestTerminal.context(terminal, config, Map.of());
        Slipway.commandLine(before).parseArgs("-o", "json", "apps");
        Context after = TestTerminal.context(terminal, config, Map.of());
        Slipway.commandLine(after).parseArgs("config", "get", "menu", "dev", "-o", "json");
        Context none = TestTerminal.context(terminal, config, Map.of());
        Slipway.commandLine(none).parseArgs("apps");

        assertThat(before.output()).isEqualTo(OutputFormat.json);
        assertThat(after.output()).isEqualTo(OutputFormat.json);
        assertThat(none.output()).isEqualTo(OutputFormat.table);
    }

    @Test
    void sandbox_behaviours_are_typed_as_people_like_and_sent_as_the_api_spells_them() {
        CommandLine cli = Slipway.commandLine(TestTerminal.context(terminal, config, Map.of()));
        CommandLine.ParseResult parsed = cli.parseArgs("deploy", "menu", "dev", "--sandbox-behaviour", "crash-loop",
                "--wait");

        assertThat((String) parsed.subcommand().matchedOption("--sandbox-behaviour").getValue()).isEqualTo("CRASH_LOOP");
    }

    @Test
    void a_release_is_named_with_or_without_its_v() {
        CommandLine cli = Slipway.commandLine(TestTerminal.context(terminal, config, Map.of()));

        assertThat((Integer) cli.parseArgs("rollback", "menu", "dev", "--to", "v3").subcommand().matchedOption("--to")
                .getValue()).isEqualTo(3);
    }

    @Test
    void without_a_login_commands_say_how_to_log_in_and_exit_4() {
        assertThat(run("whoami")).isEqualTo(ExitCodes.NOT_CONNECTED);

        assertThat(terminal.stderr()).contains("error: Not logged in. Run slipway login URL");
    }

    @Test
    void an_unreachable_server_is_named_with_what_to_check() {
        int code = run(Map.of("SLIPWAY_URL", "http://127.0.0.1:1", "SLIPWAY_TOKEN", "slw_x"), "apps");

        assertThat(code).isEqualTo(ExitCodes.NOT_CONNECTED);
        assertThat(terminal.stderr()).contains("Cannot reach Slipway at http://127.0.0.1:1");
    }

    @Test
    void login_without_a_token_on_stdin_stores_nothing() {
        assertThat(run("login", "http://localhost:8080")).isEqualTo(2);

        assertThat(terminal.stderr()).contains("No token given");
        assertThat(config.resolve("slipway")).doesNotExist();
    }

    @Test
    void login_refuses_a_url_without_scheme() {
        terminal = TestTerminal.piped("slw_token\n");

        assertThat(run("login", "localhost:8080")).isEqualTo(2);
        assertThat(terminal.stderr()).contains("needs http:// or https://");
    }

    @Test
    void revoking_every_token_from_a_script_needs_yes() {
        int code = run(Map.of("SLIPWAY_URL", "http://127.0.0.1:1", "SLIPWAY_TOKEN", "slw_x"), "tokens", "revoke-all");

        assertThat(code).isEqualTo(2);
        assertThat(terminal.stderr()).contains("pass --yes");
    }

    @Test
    void a_secret_needs_a_value_on_stdin() {
        int code = run(Map.of("SLIPWAY_URL", "http://127.0.0.1:1", "SLIPWAY_TOKEN", "slw_x"), "secret", "set", "menu",
                "dev", "DB_PASSWORD");

        assertThat(code).isEqualTo(2);
        assertThat(terminal.stderr()).contains("stdin held no value for DB_PASSWORD");
    }

    @Test
    void logout_deletes_even_a_login_file_that_cannot_be_read() throws Exception {
        Path file = Files.createDirectories(config.resolve("slipway")).resolve("config.json");
        Files.writeString(file, "{damaged");

        assertThat(run("logout")).isZero();
        assertThat(file).doesNotExist();
        assertThat(terminal.stdout()).contains("Logged out");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
