package dev.slipway.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.shared.Actor;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Team roles decide what a user may do with an app, in the service, whatever the caller. */
@SlipwayTest
class AppAuthorizationTest {

    @Autowired
    AppService apps;
    @Autowired
    TeamService teams;
    @Autowired
    Fixtures fixtures;

    String teamA;
    String teamB;
    String appOfB;
    Actor memberOfA;

    @BeforeEach
    void setUp() {
        teamA = fixtures.team();
        teamB = fixtures.team();
        memberOfA = fixtures.member(teamA, TeamRole.MAINTAINER);
        appOfB = fixtures.app(teamB).name();
    }

    @Test
    void a_member_of_another_team_cannot_see_the_app_at_all() {
        assertThatThrownBy(() -> apps.get(memberOfA, appOfB))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("that you can see");
        assertThatThrownBy(() -> apps.deploySettings(memberOfA, appOfB, "dev")).isInstanceOf(NotFoundException.class);
        assertThat(apps.search(memberOfA, appOfB, null, PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void a_member_of_another_team_cannot_change_or_delete_the_app() {
        AppChanges changes = new AppChanges("hijacked", AppSource.IMAGE, null, null, "evil/app:1", 80, "/", "/");

        assertThatThrownBy(() -> apps.update(memberOfA, appOfB, changes)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> apps.delete(memberOfA, appOfB)).isInstanceOf(NotFoundException.class);
        assertThat(apps.get(fixtures.bootstrapAdmin(), appOfB).description()).isEmpty();
    }

    @Test
    void a_member_of_another_team_cannot_create_apps_in_it() {
        assertThatThrownBy(() -> apps.create(memberOfA, Fixtures.imageApp(teamB, Fixtures.unique("sneaky"))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(teamB);
    }

    @Test
    void a_viewer_sees_the_app_but_cannot_change_anything() {
        Actor viewer = fixtures.member(teamB, TeamRole.VIEWER);
        AppChanges changes = new AppChanges("changed", AppSource.IMAGE, null, null, "nginx:1", 80, "/", "/");

        assertThat(apps.get(viewer, appOfB).yourRole()).isEqualTo(TeamRole.VIEWER);
        assertThatThrownBy(() -> apps.update(viewer, appOfB, changes))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("VIEWER").hasMessageContaining("DEVELOPER");
        assertThatThrownBy(() -> apps.delete(viewer, appOfB)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> apps.create(viewer, Fixtures.imageApp(teamB, Fixtures.unique("x"))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(apps.get(viewer, appOfB).description()).isEmpty();
    }

    @Test
    void a_developer_changes_apps_but_only_a_maintainer_deletes_them() {
        Actor developer = fixtures.member(teamB, TeamRole.DEVELOPER);

        apps.update(developer, appOfB, new AppChanges("tuned", AppSource.IMAGE, null, null, "nginx:1", 80, "/", "/"));
        assertThatThrownBy(() -> apps.delete(developer, appOfB))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("MAINTAINER");

        apps.delete(fixtures.member(teamB, TeamRole.MAINTAINER), appOfB);
        assertThatThrownBy(() -> apps.get(developer, appOfB)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_removed_member_loses_access_at_once() {
        Actor developer = fixtures.member(teamB, TeamRole.DEVELOPER);
        apps.get(developer, appOfB);

        teams.removeMember(fixtures.bootstrapAdmin(), teamB, developer.username());

        assertThatThrownBy(() -> apps.get(developer, appOfB)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_platform_admin_acts_as_maintainer_of_every_team() {
        Actor admin = fixtures.admin();

        assertThat(apps.get(admin, appOfB).yourRole()).isEqualTo(TeamRole.MAINTAINER);
        assertThat(apps.search(admin, appOfB, null, PageRequest.of(0, 10))).hasSize(1);
    }
}
