package dev.slipway.ui.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.security.NewUser;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.teams.MemberView;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import dev.slipway.teams.TeamView;
import dev.slipway.ui.UiTestSupport;
import dev.slipway.ui.errors.NotFoundView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class TeamViewsTest extends SpringBrowserlessTest {

    @Autowired UiTestSupport support;
    @Autowired TeamService teams;
    @Autowired UserService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_non_member_typing_the_teams_address_sees_not_found() {
        String foreign = support.team();
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));
        NotFoundView page = navigate("teams/" + foreign, NotFoundView.class);
        assertThat($(Paragraph.class, page).first().getText()).contains("no team '" + foreign + "'");
    }

    @Test
    void members_see_their_teams_but_only_admins_create_teams() {
        String team = support.team();
        support.signIn(support.member(team, TeamRole.DEVELOPER));
        navigate(TeamListView.class);
        assertThat($(Button.class).withText("New team").exists()).isFalse();
        @SuppressWarnings("unchecked") Grid<TeamView> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(((Badge) test(grid).getCellComponent(0, 2)).getText()).isEqualTo("Developer");
    }

    @Test
    void a_user_without_teams_is_told_whom_to_ask() {
        String username = UiTestSupport.unique("lonely");
        users.create(support.admin(), new NewUser(username, "", "correct-horse-battery", false));
        support.signIn(users.actor(users.idOf(username)));
        navigate(TeamListView.class);
        assertThat($(Grid.class).single().getEmptyStateText()).contains("Ask a team maintainer");
    }

    @Test
    void an_admin_creates_a_team_and_lands_on_its_page() {
        support.signIn(support.admin());
        navigate(TeamListView.class);
        test($(Button.class).withText("New team").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue("Bad Name");
        test($(Button.class).withText("Create").single()).click();
        assertThat($(TextField.class).withLabel("Name").single().getErrorMessage()).contains("lowercase");
        String name = UiTestSupport.unique("made");
        test($(TextField.class).withLabel("Name").single()).setValue(name);
        test($(Button.class).withText("Create").single()).click();
        assertThat(getCurrentView()).isInstanceOf(TeamDetailView.class);
        assertThat(teams.get(support.admin(), name).displayName()).isEqualTo(name);
        navigate(TeamListView.class);
        @SuppressWarnings("unchecked") Grid<TeamView> grid = $(Grid.class).single();
        int row = -1;
        for (int i = 0; i < test(grid).size(); i++) if (test(grid).getRow(i).name().equals(name)) row = i;
        assertThat(((Badge) test(grid).getCellComponent(row, 2)).getText()).isEqualTo("Admin");
    }

    @Test
    void a_viewer_sees_apps_and_members_but_no_controls() {
        String team = support.team();
        String app = support.app(team);
        support.signIn(support.member(team, TeamRole.VIEWER));
        navigate("teams/" + team, TeamDetailView.class);
        assertThat($(Button.class).withText("Edit").exists()).isFalse();
        assertThat($(Button.class).withText("Delete").exists()).isFalse();
        assertThat($(ComboBox.class).exists()).isFalse();
        List<Grid> grids = $(Grid.class).all();
        assertThat(grids).hasSize(2);
        assertThat(test(grids.get(0)).size()).isEqualTo(1);
        assertThat(test(grids.get(1)).size()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_maintainer_adds_members_and_changes_roles_but_cannot_demote_the_last_maintainer() {
        String team = support.team();
        Actor maintainer = support.member(team, TeamRole.MAINTAINER);
        String newbie = UiTestSupport.unique("newbie");
        users.create(support.admin(), new NewUser(newbie, "Newbie Person", "correct-horse-battery", false));
        support.signIn(maintainer);
        navigate("teams/" + team, TeamDetailView.class);

        ComboBox<?> person = $(ComboBox.class).withLabel("Add member").single();
        test(person).setFilter(newbie);
        assertThat(test(person).getSuggestions()).containsExactly(newbie + " (Newbie Person)");
        test(person).selectItem(newbie + " (Newbie Person)");
        Select<TeamRole> role = $(Select.class).withLabel("Role").single();
        test(role).selectItem("Developer");
        test($(Button.class).withText("Add").single()).click();
        assertThat(teams.members(maintainer, team)).extracting(MemberView::username, MemberView::role)
                .contains(tuple(newbie, TeamRole.DEVELOPER));

        // existing members are not offered
        person = $(ComboBox.class).withLabel("Add member").single();
        test(person).setFilter(newbie);
        assertThat(test(person).getSuggestions()).isEmpty();

        Grid<MemberView> members = $(Grid.class).all().get(1);
        int self = -1;
        int other = -1;
        for (int i = 0; i < test(members).size(); i++) {
            if (test(members).getRow(i).username().equals(maintainer.username())) self = i;
            if (test(members).getRow(i).username().equals(newbie)) other = i;
        }
        Select<TeamRole> otherRole = (Select<TeamRole>) test(members).getCellComponent(other, 2);
        test(otherRole).selectItem("Viewer");
        assertThat(teams.members(maintainer, team).stream().filter(m -> m.username().equals(newbie)).findFirst().orElseThrow().role())
                .isEqualTo(TeamRole.VIEWER);

        members = $(Grid.class).all().get(1);
        Select<TeamRole> selfRole = (Select<TeamRole>) test(members).getCellComponent(self, 2);
        // browserless tests see the refusal as an exception; in a browser UiErrorHandling shows its message
        assertThatThrownBy(() -> test(selfRole).selectItem("Developer"))
                .rootCause().isInstanceOf(ConflictException.class).hasMessageContaining("last maintainer");
        members = $(Grid.class).all().get(1);
        assertThat(((Select<TeamRole>) test(members).getCellComponent(self, 2)).getValue()).isEqualTo(TeamRole.MAINTAINER);
        assertThat(teams.members(maintainer, team)).extracting(MemberView::username, MemberView::role)
                .contains(tuple(maintainer.username(), TeamRole.MAINTAINER));
    }

    @Test
    void a_maintainer_can_leave_once_another_maintainer_exists() {
        String team = support.team();
        Actor maintainer = support.member(team, TeamRole.MAINTAINER);
        support.member(team, TeamRole.MAINTAINER);
        support.signIn(maintainer);
        navigate("teams/" + team, TeamDetailView.class);
        @SuppressWarnings("unchecked") Grid<MemberView> members = $(Grid.class).all().get(1);
        int self = -1;
        for (int i = 0; i < test(members).size(); i++) {
            if (test(members).getRow(i).username().equals(maintainer.username())) self = i;
        }
        test((Button) test(members).getCellComponent(self, 4)).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).startsWith("Leave team");
        test(confirm).confirm();
        assertThat(getCurrentView()).isInstanceOf(TeamListView.class);
    }

    @Test
    void a_maintainer_edits_the_team_with_field_checks() {
        String team = support.team();
        support.signIn(support.member(team, TeamRole.MAINTAINER));
        navigate("teams/" + team, TeamDetailView.class);
        test($(Button.class).withText("Edit").single()).click();
        test($(TextField.class).withLabel("Display name").single()).setValue("");
        test($(Button.class).withText("Save").single()).click();
        assertThat($(TextField.class).withLabel("Display name").single().getErrorMessage()).isEqualTo("Is required");
        test($(TextField.class).withLabel("Display name").single()).setValue("Payments Team");
        test($(Button.class).withText("Save").single()).click();
        assertThat(teams.get(support.admin(), team).displayName()).isEqualTo("Payments Team");
        assertThat($(H2.class).first().getText()).isEqualTo("Payments Team");
    }

    @Test
    void a_team_that_owns_apps_cannot_be_deleted() {
        String team = support.team();
        support.app(team);
        support.signIn(support.admin());
        navigate("teams/" + team, TeamDetailView.class);
        test($(Button.class).withText("Delete").single()).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThatThrownBy(() -> test(confirm).confirm())
                .isInstanceOf(ConflictException.class).hasMessageContaining("Delete its apps first");
        assertThat(teams.get(support.admin(), team).name()).isEqualTo(team);
    }

    @Test
    void an_admin_deletes_an_empty_team() {
        support.signIn(support.admin());
        String empty = support.team();
        navigate("teams/" + empty, TeamDetailView.class);
        test($(Button.class).withText("Delete").single()).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(getCurrentView()).isInstanceOf(TeamListView.class);
    }
}
