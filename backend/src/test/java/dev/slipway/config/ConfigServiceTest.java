package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SlipwayTest
class ConfigServiceTest {

    @Autowired
    ConfigService config;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    String team;
    String app;
    Actor developer;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        app = fixtures.app(team).name();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
    }

    @Test
    void each_change_makes_a_version_and_a_secret_shows_only_its_version_and_author() {
        config.change(developer, app, "dev", ConfigChange.setVariable("LOG_LEVEL", "info"));
        ConfigView view = config.change(developer, app, "dev", ConfigChange.setSecret("DB_PASSWORD", "hunter2-value"));

        assertThat(view.version()).isEqualTo(2);
        assertThat(view.variables()).containsExactly(Map.entry("LOG_LEVEL", "info"));
        assertThat(view.secrets()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("DB_PASSWORD");
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.setBy()).isEqualTo(developer.username());
        });
        assertThat(view.toString()).doesNotContain("hunter2-value");
        assertThat(jdbc.queryForList("select details::text from audit_events where target = ?", String.class, app))
                .isNotEmpty().allSatisfy(details -> assertThat(details).doesNotContain("hunter2-value"))
                .anySatisfy(details -> assertThat(details).contains("added DB_PASSWORD"));
        assertThat(config.view(developer, app, "staging").version()).isZero();
    }

    @Test
    void a_change_that_changes_nothing_makes_no_version() {
        config.change(developer, app, "dev", ConfigChange.setVariable("A", "1"));

        ConfigView again = config.change(developer, app, "dev", ConfigChange.setVariable("A", "1"));

        assertThat(again.version()).isEqualTo(1);
    }

    @Test
    void the_history_says_what_changed_and_for_secrets_only_that_they_changed() {
        config.change(developer, app, "dev", new ConfigChange(Map.of("A", "1", "B", "2"), Map.of("TOKEN", "t-one"), null, null));
        config.change(developer, app, "dev", new ConfigChange(Map.of("A", "10"), Map.of("TOKEN", "t-two"), List.of("B"), null));

        List<ConfigVersionView> history = config.history(developer, app, "dev");

        assertThat(history).extracting(ConfigVersionView::number).containsExactly(2, 1);
        assertThat(history.getFirst().changes().changes()).extracting(ConfigDiff.KeyChange::describe)
                .containsExactly("variable A changed", "variable B removed", "secret TOKEN changed (v1 → v2)");
        assertThat(history.getFirst().changes().changes().get(0).from()).isEqualTo("1");
        assertThat(history.toString()).doesNotContain("t-one").doesNotContain("t-two");
    }

    @Test
    void a_viewer_sees_variables_and_that_secrets_exist_but_cannot_change_anything() {
        config.change(developer, app, "dev", new ConfigChange(Map.of("A", "1"), Map.of("S", "viewer-must-not-see"), null, null));
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);

        ConfigView seen = config.view(viewer, app, "dev");

        assertThat(seen.variables()).containsEntry("A", "1");
        assertThat(seen.secrets()).extracting(SecretInfo::name).containsExactly("S");
        assertThat(seen.canChange()).isFalse();
        assertThat(seen.toString()).doesNotContain("viewer-must-not-see");
        assertThatThrownBy(() -> config.change(viewer, app, "dev", ConfigChange.setVariable("A", "2")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(config.view(developer, app, "dev").variables()).containsEntry("A", "1");
    }

    @Test
    void a_protected_environment_takes_a_maintainer_to_change() {
        assertThatThrownBy(() -> config.change(developer, app, "prod", ConfigChange.setVariable("A", "1")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("protected environment prod");

        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        assertThat(config.change(maintainer, app, "prod", ConfigChange.setVariable("A", "1")).version()).isEqualTo(1);
    }

    @Test
    void someone_elses_app_does_not_exist_for_an_outsider() {
        Actor outsider = fixtures.member(fixtures.team(), TeamRole.MAINTAINER);

        assertThatThrownBy(() -> config.view(outsider, app, "dev"))
                .isInstanceOf(dev.slipway.shared.NotFoundException.class);
    }

    @Test
    void bad_names_and_oversize_values_are_refused_and_nothing_is_stored() {
        long sealedBefore = jdbc.queryForObject("select count(*) from sealed_values", Long.class);

        assertThatThrownBy(() -> config.change(developer, app, "dev", new ConfigChange(
                Map.of("1ST", "x", "PORT", "9000", "OK", "y".repeat(ConfigRules.MAX_VALUE_BYTES + 1)),
                Map.of("GOOD_SECRET", "fine"), List.of("MISSING"), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field)
                            .contains("variables.1ST", "variables.PORT", "variables.OK", "remove");
                    assertThat(e.problems()).filteredOn(p -> p.field().equals("variables.OK"))
                            .singleElement().extracting(FieldProblem::message).asString().contains("KiB");
                });

        assertThat(config.view(developer, app, "dev").version()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sealed_values", Long.class)).isEqualTo(sealedBefore);
    }

    @Test
    void a_secret_cannot_quietly_become_a_readable_variable_but_a_variable_may_become_a_secret() {
        config.change(developer, app, "dev", new ConfigChange(Map.of("PLAIN", "p"), Map.of("HIDDEN", "h"), null, null));

        assertThatThrownBy(() -> config.change(developer, app, "dev", ConfigChange.setVariable("HIDDEN", "now visible")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HIDDEN is a secret");
        ConfigView after = config.change(developer, app, "dev", ConfigChange.setSecret("PLAIN", "p"));

        assertThat(after.variables()).doesNotContainKey("PLAIN");
        assertThat(after.secrets()).extracting(SecretInfo::name).containsExactly("HIDDEN", "PLAIN");
    }

    @Test
    void a_change_made_against_an_old_version_is_refused() {
        config.change(developer, app, "dev", ConfigChange.setVariable("A", "1"));
        Actor other = fixtures.member(team, TeamRole.DEVELOPER);
        config.change(other, app, "dev", ConfigChange.setVariable("A", "2"));

        assertThatThrownBy(() -> config.change(developer, app, "dev", new ConfigChange(Map.of("A", "3"), null, null, 1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("now v2 by " + other.username());
        assertThat(config.view(developer, app, "dev").variables()).containsEntry("A", "2");
    }

    @Test
    void a_dotenv_paste_sets_every_line_as_one_version() {
        ConfigView view = config.importDotEnv(developer, app, "dev", "A=1\nexport B=\"two words\"\n", false);

        assertThat(view.version()).isEqualTo(1);
        assertThat(view.variables()).containsExactly(Map.entry("A", "1"), Map.entry("B", "two words"));
    }

    @Test
    void a_dotenv_paste_with_a_bad_line_stores_nothing() {
        assertThatThrownBy(() -> config.importDotEnv(developer, app, "dev", "A=1\nnot a line\nB=2", true))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("line 2"));

        assertThat(config.view(developer, app, "dev").version()).isZero();
    }

    @Test
    void the_bundle_for_the_engine_opens_the_secrets_and_names_them_by_identity_not_value() {
        config.change(developer, app, "dev", new ConfigChange(Map.of("A", "1"), Map.of("S", "open-me"), null, null));
        long versionId = config.currentVersionId(fixtures.appId(app), fixtures.environmentId("dev")).orElseThrow();

        ConfigBundle bundle = config.bundle(versionId).orElseThrow();

        assertThat(bundle.secrets()).containsEntry("S", "open-me");
        assertThat(bundle.toString()).doesNotContain("open-me");
        assertThat(bundle.variablesHash()).hasSize(10);
        // the same value set again is a new secret version, and so a new Secret object
        config.change(developer, app, "dev", ConfigChange.setSecret("S", "open-me"));
        long next = config.currentVersionId(fixtures.appId(app), fixtures.environmentId("dev")).orElseThrow();
        assertThat(config.bundle(next).orElseThrow().secretsHash()).isNotEqualTo(bundle.secretsHash());
        assertThat(config.bundle(next).orElseThrow().variablesHash()).isEqualTo(bundle.variablesHash());
    }
}
