package dev.slipway.ui.environments;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The environment admin page as a platform admin meets it, without a browser. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class EnvironmentViewsTest extends SpringBrowserlessTest {

    /** Columns of the environment grid. */
    private static final int CLUSTER = 3;
    private static final int ACTIONS = 7;

    @Autowired UiTestSupport support;
    @Autowired EnvironmentService environments;
    @Autowired ClusterService clusters;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Creates an environment on the sandbox through the service; it comes last in the promotion order. */
    private String environment(String namespaceTemplate) {
        String name = UiTestSupport.unique("env");
        environments.create(support.admin(), new EnvironmentSpec(name, "", "sandbox", namespaceTemplate, true, false));
        return name;
    }

    private List<String> names() {
        return environments.list().stream().map(EnvironmentView::name).toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<EnvironmentView> grid() {
        return $(Grid.class).single();
    }

    private int rowOf(Grid<EnvironmentView> grid, String name) {
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).name().equals(name)) return i;
        }
        throw new AssertionError("no row for environment " + name);
    }

    /** The action button whose accessible name or text is given, e.g. "Move dev earlier" or "Delete". */
    private Button action(Grid<EnvironmentView> grid, String environment, String label) {
        Component cell = test(grid).getCellComponent(rowOf(grid, environment), ACTIONS);
        return cell.getChildren().map(Button.class::cast)
                .filter(b -> label.equals(b.getText()) || label.equals(b.getAriaLabel().orElse(null)))
                .findFirst().orElseThrow();
    }

    private List<String> badges(Grid<EnvironmentView> grid, String environment) {
        return test(grid).getCellComponent(rowOf(grid, environment), CLUSTER).getChildren()
                .filter(Badge.class::isInstance).map(b -> ((Badge) b).getText()).toList();
    }

    private void openNewEnvironmentForm(String name) {
        test($(Button.class).withText("New environment").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue(name);
        @SuppressWarnings("unchecked")
        Select<String> cluster = $(Select.class).withLabel("Cluster").single();
        test(cluster).selectItem("sandbox (simulated)");
    }

    @Test
    void an_admin_creates_an_environment_and_it_comes_last() {
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        String name = UiTestSupport.unique("qa");

        openNewEnvironmentForm(name);
        assertThat($(Select.class).withLabel("Cluster").single().getHelperText())
                .isEqualTo("Simulated: nothing really runs in this environment");
        test($(Button.class).withText("Create").single()).click();

        assertThat($(Dialog.class).exists()).isFalse();
        assertThat(environments.list().getLast().name()).isEqualTo(name);
        assertThat(environments.get(name).namespaceTemplate()).isEqualTo("{app}-{env}");
        Grid<EnvironmentView> grid = grid();
        assertThat(test(grid).getRow(test(grid).size() - 1).name()).isEqualTo(name);
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Created environment " + name + ".");
    }

    @Test
    void the_namespace_template_shows_where_a_sample_app_would_land() {
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        String name = UiTestSupport.unique("qa");

        openNewEnvironmentForm(name);
        TextField template = $(TextField.class).withLabel("Namespace template").single();
        assertThat(template.getHelperText()).endsWith("App shop of team web gets shop-" + name + ".");
        test(template).setValue("{team}-{env}");

        assertThat(template.getHelperText())
                .isEqualTo("Placeholders: {app}, {team}, {env}. App shop of team web gets web-" + name + ".");
    }

    @Test
    void an_invalid_namespace_template_is_refused_on_the_field_and_nothing_is_stored() {
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        String name = UiTestSupport.unique("qa");

        openNewEnvironmentForm(name);
        TextField template = $(TextField.class).withLabel("Namespace template").single();
        test(template).setValue("Shop_{app}");
        test($(Button.class).withText("Create").single()).click();

        assertThat(template.isInvalid()).isTrue();
        assertThat(template.getErrorMessage()).isEqualTo("May contain only lowercase letters, digits, '-' and the"
                + " placeholders {app}, {team} and {env}");
        assertThat(template.getHelperText()).isEqualTo("Placeholders: {app}, {team}, {env}.");
        assertThat($(Dialog.class).exists()).isTrue();
        assertThat(names()).doesNotContain(name);
    }

    @Test
    void a_template_that_shares_namespaces_with_another_environment_is_refused_on_the_field() {
        String fixed = UiTestSupport.unique("shared") + "-{app}";
        String existing = environment(fixed);
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        String name = UiTestSupport.unique("qa");

        openNewEnvironmentForm(name);
        test($(TextField.class).withLabel("Namespace template").single()).setValue(fixed);
        test($(Button.class).withText("Create").single()).click();

        TextField template = $(TextField.class).withLabel("Namespace template").single();
        assertThat(template.isInvalid()).isTrue();
        assertThat(template.getErrorMessage()).isEqualTo("Would put apps into the same namespace as environment '"
                + existing + "' on the same cluster; include {env} in the template");
        assertThat(names()).doesNotContain(name);
    }

    @Test
    void moving_an_environment_earlier_changes_the_promotion_order() {
        String first = environment("{app}-{env}");
        String second = environment("{app}-{env}");
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        assertThat(names().indexOf(second)).isEqualTo(names().indexOf(first) + 1);

        test(action(grid(), second, "Move " + second + " earlier")).click();

        assertThat(names().indexOf(second)).isEqualTo(names().indexOf(first) - 1);
        Grid<EnvironmentView> grid = grid();
        assertThat(rowOf(grid, second)).isEqualTo(rowOf(grid, first) - 1);
        assertThat(test(grid).getRow(rowOf(grid, second)).position())
                .isEqualTo(test(grid).getRow(rowOf(grid, first)).position() - 1);
    }

    @Test
    void the_first_stage_cannot_move_earlier_and_the_last_cannot_move_later() {
        environment("{app}-{env}");
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        List<String> ordered = names();
        Grid<EnvironmentView> grid = grid();

        assertThat(action(grid, ordered.getFirst(), "Move " + ordered.getFirst() + " earlier").isEnabled()).isFalse();
        assertThat(action(grid, ordered.getFirst(), "Move " + ordered.getFirst() + " later").isEnabled()).isTrue();
        assertThat(action(grid, ordered.getLast(), "Move " + ordered.getLast() + " later").isEnabled()).isFalse();
        assertThat(action(grid, ordered.getLast(), "Move " + ordered.getLast() + " earlier").isEnabled()).isTrue();
    }

    @Test
    void an_environment_on_the_sandbox_is_marked_as_simulated_and_one_on_kubernetes_is_not() {
        String cluster = UiTestSupport.unique("k8s");
        clusters.register(support.admin(), new ClusterSpec(cluster, ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN,
                "https://" + cluster + ".example.com:6443", null, false, "a-token"));
        String real = UiTestSupport.unique("env");
        environments.create(support.admin(), new EnvironmentSpec(real, "", cluster, "{app}-{env}", true, false));
        String simulated = environment("{app}-{env}");
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);

        Grid<EnvironmentView> grid = grid();

        assertThat(badges(grid, simulated)).containsExactly("Simulated: nothing runs");
        assertThat(badges(grid, "dev")).containsExactly("Simulated: nothing runs");
        assertThat(badges(grid, real)).isEmpty();
    }

    @Test
    void an_admin_deletes_an_unused_environment() {
        String unused = environment("{app}-{env}");
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);

        test(action(grid(), unused, "Delete")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Delete environment " + unused + "?");
        test(confirm).confirm();

        assertThat(names()).doesNotContain(unused);
        Grid<EnvironmentView> grid = grid();
        for (int i = 0; i < test(grid).size(); i++) {
            assertThat(test(grid).getRow(i).name()).isNotEqualTo(unused);
        }
    }

    @Test
    void a_non_admin_typing_the_environments_address_does_not_get_the_page() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        UI.getCurrent().navigate("admin/environments");

        assertThat(getCurrentView()).isNotInstanceOf(EnvironmentsView.class);
    }
}
