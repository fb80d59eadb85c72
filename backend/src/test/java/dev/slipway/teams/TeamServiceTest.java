package dev.slipway.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SlipwayTest
class TeamServiceTest {

    @Autowired
    TeamService teams;
    @Autowired
    Fixtures fixtures;

    @Test
    void only_platform_admins_create_teams_and_names_must_be_dns_labels() {
        assertThatThrownBy(() -> teams.create(fixtures.user(), new NewTeam(Fixtures.unique("t"), "", "")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> teams.create(fixtures.admin(), new NewTeam("Web Team", "", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> teams.create(fixtures.admin(), new NewTeam("t".repeat(25), "", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 24");
    }

    @Test
    void a_taken_team_name_is_refused() {
        String name = fixtures.team();

        assertThatThrownBy(() -> teams.create(fixtures.admin(), new NewTeam(name, "", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
    }

    @Test
    void users_see_only_their_teams_with_their_role() {
        String mine = fixtures.team();
        String other = fixtures.team();
        Actor developer = fixtures.member(mine, TeamRole.DEVELOPER);

        assertThat(teams.list(developer)).extracting(TeamView::name, TeamView::yourRole)
                .containsExactly(tuple(mine, TeamRole.DEVELOPER));
        assertThatThrownBy(() -> teams.get(developer, other)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.members(developer, other)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void maintainers_manage_members_and_developers_cannot() {
        String team = fixtures.team();
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
        Actor newcomer = fixtures.user();

        assertThatThrownBy(() -> teams.setMember(developer, team, newcomer.username(), TeamRole.VIEWER))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("MAINTAINER");

        teams.setMember(maintainer, team, newcomer.username(), TeamRole.VIEWER);
        teams.setMember(maintainer, team, newcomer.username(), TeamRole.DEVELOPER);

        assertThat(teams.members(developer, team)).extracting(MemberView::username, MemberView::role)
                .contains(tuple(newcomer.username(), TeamRole.DEVELOPER));
        teams.removeMember(maintainer, team, newcomer.username());
        assertThat(teams.members(developer, team)).extracting(MemberView::username).doesNotContain(newcomer.username());
    }

    @Test
    void the_last_maintainer_cannot_demote_or_remove_themselves() {
        String team = fixtures.team();
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);

        assertThatThrownBy(() -> teams.setMember(maintainer, team, maintainer.username(), TeamRole.DEVELOPER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last maintainer");
        assertThatThrownBy(() -> teams.removeMember(maintainer, team, maintainer.username()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void adding_an_unknown_user_says_so() {
        String team = fixtures.team();

        assertThatThrownBy(() -> teams.setMember(fixtures.bootstrapAdmin(), team, "nobody-here", TeamRole.VIEWER))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no active user 'nobody-here'");
    }

    @Test
    void a_team_that_still_owns_apps_cannot_be_deleted() {
        String team = fixtures.team();
        fixtures.app(team);

        assertThatThrownBy(() -> teams.delete(fixtures.admin(), team))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Delete its apps first");
        assertThat(teams.get(fixtures.bootstrapAdmin(), team).name()).isEqualTo(team);
    }

    @Test
    void an_empty_team_is_deleted() {
        String team = fixtures.team();

        teams.delete(fixtures.admin(), team);

        assertThatThrownBy(() -> teams.get(fixtures.bootstrapAdmin(), team)).isInstanceOf(NotFoundException.class);
    }
}
