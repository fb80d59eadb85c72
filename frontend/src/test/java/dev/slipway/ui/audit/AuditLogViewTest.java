package dev.slipway.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.NewApp;
import dev.slipway.audit.AuditEntry;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The audit log page as a platform admin meets it, without a browser. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired UiTestSupport support;
    @Autowired UserService users;
    @Autowired AppService apps;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> grid() {
        return $(Grid.class).single();
    }

    /** The first rows the grid shows, at most {@code limit}. */
    private List<AuditEntry> rows(int limit) {
        Grid<AuditEntry> grid = grid();
        List<AuditEntry> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, test(grid).size()); i++) {
            rows.add(test(grid).getRow(i));
        }
        return rows;
    }

    private void filter(String label, String value) {
        test($(TextField.class).withLabel(label).single()).setValue(value);
    }

    @Test
    void the_log_lists_changes_newest_first() {
        String team = support.team();
        String app = support.app(team);
        support.signIn(support.admin());

        navigate(AuditLogView.class);

        List<AuditEntry> newest = rows(20);
        assertThat(newest).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::actor)
                .startsWith(tuple("app.created", app, "admin"), tuple("team.created", team, "admin"));
        for (int i = 1; i < newest.size(); i++) {
            assertThat(newest.get(i).occurredAt()).isBeforeOrEqualTo(newest.get(i - 1).occurredAt());
        }
        Grid<AuditEntry> grid = grid();
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("admin");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("app.created");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo(app);
        assertThat(test(grid).getCellText(0, 5)).isEqualTo(team);
        assertThat(test(grid).getCellText(0, 0)).endsWith(" UTC");
    }

    @Test
    void filtering_by_actor_and_action_prefix_narrows_the_rows() {
        // A developer rather than a second admin: other test classes count on 'admin' being the only admin.
        String team = support.team();
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        String app = UiTestSupport.unique("app");
        apps.create(developer, new NewApp(team, app, "", AppSource.IMAGE, null, null, "nginx:1.27", null, null, null));
        users.updateDisplayName(developer, developer.username(), "Dana Developer");
        support.signIn(support.admin());
        navigate(AuditLogView.class);

        filter("Actor", developer.username());
        assertThat(rows(10)).extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly(tuple("user.renamed", developer.username()), tuple("app.created", app));

        filter("Action", "app.");
        assertThat(rows(10)).extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly(tuple("app.created", app));

        filter("Action", "cluster.");
        assertThat(test(grid()).size()).isZero();
    }

    @Test
    void filtering_by_part_of_the_target_ignores_case() {
        String team = support.team();
        String app = support.app(team);
        support.signIn(support.admin());
        navigate(AuditLogView.class);

        filter("Target", app.toUpperCase(Locale.ROOT));

        assertThat(rows(10)).extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly(tuple("app.created", app));
    }

    @Test
    void filtering_by_team_shows_only_that_teams_changes() {
        String team = support.team();
        String app = support.app(team);
        support.app(support.team());
        support.signIn(support.admin());
        navigate(AuditLogView.class);

        filter("Team", team);

        assertThat(rows(10)).extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly(tuple("app.created", app), tuple("team.created", team));
    }

    @Test
    void filtering_by_app_shows_only_that_apps_changes() {
        String team = support.team();
        String app = support.app(team);
        support.app(team);
        support.signIn(support.admin());
        navigate(AuditLogView.class);

        filter("App", app);

        assertThat(rows(10)).extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly(tuple("app.created", app));
    }

    @Test
    void a_from_day_typed_after_the_to_day_matches_nothing_instead_of_failing() {
        support.app(support.team());
        support.signIn(support.admin());
        navigate(AuditLogView.class);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        test($(DatePicker.class).withLabel("To").single()).setValue(today.minusDays(2));
        // typed past the picker's limit: the tester refuses that, the browser sends it
        $(DatePicker.class).withLabel("From").single().setValue(today);

        assertThat(test(grid()).size()).isZero();
    }

    @Test
    void a_from_day_in_the_future_matches_nothing_and_says_so() {
        support.app(support.team());
        support.signIn(support.admin());
        navigate(AuditLogView.class);
        assertThat(test(grid()).size()).isPositive();

        test($(DatePicker.class).withLabel("From").single()).setValue(LocalDate.now(ZoneOffset.UTC).plusDays(1));

        assertThat(test(grid()).size()).isZero();
        assertThat(grid().getEmptyStateText()).isEqualTo("No entries match. Loosen or clear the filters.");
    }

    @Test
    void a_non_admin_typing_the_audit_address_does_not_get_the_log() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        UI.getCurrent().navigate("admin/audit");

        assertThat(getCurrentView()).isNotInstanceOf(AuditLogView.class);
    }
}
