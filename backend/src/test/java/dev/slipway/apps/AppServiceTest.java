package dev.slipway.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.settings.PlatformSettings;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.shared.Actor;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

@SlipwayTest
class AppServiceTest {

    @Autowired
    AppService apps;
    @Autowired
    PlatformSettingsService settings;
    @Autowired
    Fixtures fixtures;

    String team;
    Actor developer;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
    }

    @Test
    void a_developer_creates_an_app_from_git_and_finds_it_by_search() {
        String name = Fixtures.unique("shop");
        AppView created = apps.create(developer, Fixtures.gitApp(team, name, "https://git.example.com/shop/web.git"));

        assertThat(created.team()).isEqualTo(team);
        assertThat(created.origin()).isEqualTo("https://git.example.com/shop/web.git (main)");
        assertThat(apps.get(developer, name).readinessPath()).isEqualTo("/ready");
        assertThat(apps.search(developer, name.toUpperCase(), null, PageRequest.of(0, 10)).getContent())
                .extracting(AppSummary::name).containsExactly(name);
    }

    @Test
    void missing_port_and_health_paths_get_defaults() {
        AppView created = apps.create(developer, Fixtures.imageApp(team, Fixtures.unique("web")));

        assertThat(created.port()).isEqualTo(8080);
        assertThat(created.livenessPath()).isEqualTo("/");
        assertThat(created.readinessPath()).isEqualTo("/");
    }

    @Test
    void every_problem_of_an_invalid_app_is_reported_at_once_and_nothing_is_stored() {
        NewApp bad = new NewApp(team, "Bad_Name", "x".repeat(501), AppSource.GIT, "http://git.example.com/a.git",
                "feature..x", null, 70000, "healthz", "/ok");

        assertThatThrownBy(() -> apps.create(developer, bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "description", "repositoryUrl", "branch", "port", "livenessPath"));
        assertThat(apps.search(developer, "bad_name", team, PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void a_taken_name_is_refused_with_a_message_that_says_names_are_global() {
        String name = Fixtures.unique("dup");
        apps.create(developer, Fixtures.imageApp(team, name));
        String otherTeam = fixtures.team();

        assertThatThrownBy(() -> apps.create(fixtures.bootstrapAdmin(), Fixtures.imageApp(otherTeam, name)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already exists").hasMessageContaining("unique across Slipway");
        assertThat(apps.search(fixtures.bootstrapAdmin(), name, otherTeam, PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void local_repository_paths_are_refused_until_an_admin_allows_them() {
        String name = Fixtures.unique("local");
        NewApp local = Fixtures.gitApp(team, name, "/srv/git/app.git");

        assertThatThrownBy(() -> apps.create(developer, local))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Settings");

        Actor admin = fixtures.bootstrapAdmin();
        settings.update(admin, new PlatformSettings(true));
        try {
            assertThat(apps.create(developer, local).repositoryUrl()).isEqualTo("/srv/git/app.git");
        } finally {
            settings.update(admin, new PlatformSettings(false));
        }
    }

    @Test
    void an_update_replaces_the_settings_and_switching_to_an_image_drops_the_repository() {
        String name = Fixtures.unique("switch");
        apps.create(developer, Fixtures.gitApp(team, name, "git@git.example.com:shop/web.git"));

        AppView updated = apps.update(developer, name, new AppChanges("now prebuilt", AppSource.IMAGE, "ignored",
                "ignored", "registry.example.com/shop/web@sha256:" + "a".repeat(64), 9090, "/live", "/ready"));

        assertThat(updated.source()).isEqualTo(AppSource.IMAGE);
        assertThat(updated.repositoryUrl()).isNull();
        assertThat(updated.branch()).isNull();
        assertThat(updated.port()).isEqualTo(9090);
        assertThat(apps.get(developer, name).description()).isEqualTo("now prebuilt");
    }

    @Test
    void a_deleted_app_is_gone() {
        String name = Fixtures.unique("gone");
        apps.create(developer, Fixtures.imageApp(team, name));

        apps.delete(fixtures.member(team, TeamRole.MAINTAINER), name);

        assertThatThrownBy(() -> apps.get(developer, name)).isInstanceOf(NotFoundException.class);
    }
}
