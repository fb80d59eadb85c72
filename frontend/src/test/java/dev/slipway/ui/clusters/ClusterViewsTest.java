package dev.slipway.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.clusters.ClusterView;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The cluster admin page as a platform admin meets it, without a browser. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class ClusterViewsTest extends SpringBrowserlessTest {

    /** Columns of the cluster grid. */
    private static final int KIND = 1;
    private static final int API_URL = 3;
    private static final int CREDENTIALS = 4;
    private static final int ACTIONS = 6;

    @Autowired UiTestSupport support;
    @Autowired ClusterService clusters;
    @Autowired EnvironmentService environments;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Registers a token-authenticated Kubernetes cluster through the service. */
    private String kubernetesCluster(String token) {
        String name = UiTestSupport.unique("k8s");
        clusters.register(support.admin(), new ClusterSpec(name, ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN,
                "https://" + name + ".example.com:6443", null, false, token));
        return name;
    }

    @SuppressWarnings("unchecked")
    private Grid<ClusterView> grid() {
        return $(Grid.class).single();
    }

    private int rowOf(Grid<ClusterView> grid, String name) {
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).name().equals(name)) return i;
        }
        throw new AssertionError("no row for cluster " + name);
    }

    /** Everything a row shows, text and component columns alike. */
    private List<String> rowTexts(Grid<ClusterView> grid, int row) {
        List<String> texts = new ArrayList<>();
        for (int column = 0; column < ACTIONS; column++) {
            texts.add(column == KIND || column == API_URL
                    ? test(grid).getCellComponent(row, column).getElement().getTextRecursively()
                    : test(grid).getCellText(row, column));
        }
        return texts;
    }

    private Button action(Grid<ClusterView> grid, String cluster, String text) {
        Component cell = test(grid).getCellComponent(rowOf(grid, cluster), ACTIONS);
        return cell.getChildren().map(Button.class::cast).filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void the_seeded_sandbox_is_marked_as_simulated() {
        support.signIn(support.admin());
        navigate(ClustersView.class);

        Grid<ClusterView> grid = grid();
        Component kind = test(grid).getCellComponent(rowOf(grid, "sandbox"), KIND);

        assertThat(kind.getChildren().filter(Badge.class::isInstance).map(b -> ((Badge) b).getText()))
                .containsExactly("Simulated: nothing runs");
    }

    @Test
    void checking_the_sandboxs_connection_says_that_it_simulates() {
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test(action(grid(), "sandbox", "Check connection")).click();
        assertThat($(TextField.class).withLabel("Namespace").single().getValue()).isEqualTo("default");
        test($(Button.class).withText("Check").single()).click();

        assertThat($(Paragraph.class).withText("Reachable.").exists()).isTrue();
        assertThat($(Paragraph.class).withText("Slipway may create Deployments in default.").exists()).isTrue();
        assertThat($(Paragraph.class).withTextContaining("simulates").exists()).isTrue();
    }

    @Test
    void a_cluster_nothing_answers_at_is_reported_as_not_reachable_with_what_to_check() {
        String cluster = UiTestSupport.unique("closed");
        // Port 1 on this machine refuses at once, so the check fails without waiting for a timeout.
        clusters.register(support.admin(), new ClusterSpec(cluster, ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN,
                "https://127.0.0.1:1", null, false, "a-token"));
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test(action(grid(), cluster, "Check connection")).click();
        test($(TextField.class).withLabel("Namespace").single()).setValue("shop");
        test($(Button.class).withText("Check").single()).click();

        assertThat($(Paragraph.class).withText("Not reachable.").exists()).isTrue();
        assertThat($(Paragraph.class).withText("Could not tell whether Slipway may create Deployments in shop.").exists())
                .isTrue();
        assertThat($(Paragraph.class).withTextContaining("Check the API URL").exists()).isTrue();
    }

    @Test
    void a_namespace_kubernetes_would_refuse_is_shown_on_the_field_and_the_cluster_is_not_asked() {
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test(action(grid(), "sandbox", "Check connection")).click();
        test($(TextField.class).withLabel("Namespace").single()).setValue("Not_A_Namespace");
        test($(Button.class).withText("Check").single()).click();

        TextField namespace = $(TextField.class).withLabel("Namespace").single();
        assertThat(namespace.isInvalid()).isTrue();
        assertThat(namespace.getErrorMessage()).startsWith("Must use lowercase letters");
        assertThat($(Paragraph.class).withText("Reachable.").exists()).isFalse();
        assertThat($(Button.class).withText("Check").single().isEnabled()).isTrue();
    }

    @Test
    void a_kubernetes_cluster_shows_no_simulated_badge() {
        String cluster = kubernetesCluster("secret-token");
        support.signIn(support.admin());
        navigate(ClustersView.class);

        Grid<ClusterView> grid = grid();
        Component kind = test(grid).getCellComponent(rowOf(grid, cluster), KIND);

        assertThat(kind.getElement().getTextRecursively()).isEqualTo("Kubernetes");
        assertThat(kind.getChildren().filter(Badge.class::isInstance)).isEmpty();
    }

    @Test
    void an_admin_registers_a_token_cluster_and_the_token_is_shown_nowhere() {
        support.signIn(support.admin());
        navigate(ClustersView.class);
        String name = UiTestSupport.unique("prod-eu");
        String token = "eyJhbGciOiJSUzI1NiJ9.very-secret-" + name;

        test($(Button.class).withText("Register cluster").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue(name);
        assertThat($(RadioButtonGroup.class).withLabel("Kind").single().getValue()).isEqualTo(ClusterKind.KUBERNETES);
        assertThat($(RadioButtonGroup.class).withLabel("Authentication").single().getValue()).isEqualTo(ClusterAuth.TOKEN);
        test($(TextField.class).withLabel("API URL").single()).setValue("https://203.0.113.10:6443");
        test($(PasswordField.class).withLabel("Token").single()).setValue(token);
        test($(Button.class).withText("Register").single()).click();

        assertThat($(Dialog.class).exists()).isFalse();
        ClusterView stored = clusters.get(support.admin(), name);
        assertThat(stored.credentialsSet()).isTrue();
        assertThat(stored.apiUrl()).isEqualTo("https://203.0.113.10:6443");
        Grid<ClusterView> grid = grid();
        int row = rowOf(grid, name);
        assertThat(test(grid).getCellText(row, CREDENTIALS)).startsWith("set ");
        assertThat(rowTexts(grid, row)).noneMatch(text -> text.contains(token));
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Registered cluster " + name + ".");
    }

    @Test
    void the_register_form_shows_what_is_wrong_on_the_fields_and_stores_nothing() {
        support.signIn(support.admin());
        navigate(ClustersView.class);
        String plainUrl = "http://" + UiTestSupport.unique("plain") + ".example.com:6443";

        test($(Button.class).withText("Register cluster").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue("Not Valid");
        test($(TextField.class).withLabel("API URL").single()).setValue(plainUrl);
        test($(PasswordField.class).withLabel("Token").single()).setValue("a-token");
        test($(Button.class).withText("Register").single()).click();

        TextField name = $(TextField.class).withLabel("Name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("lowercase letters");
        TextField apiUrl = $(TextField.class).withLabel("API URL").single();
        assertThat(apiUrl.isInvalid()).isTrue();
        assertThat(apiUrl.getErrorMessage()).contains("Must be an https:// URL").contains("plain HTTP");
        assertThat($(Dialog.class).exists()).isTrue();
        assertThat(clusters.list(support.admin())).extracting(ClusterView::apiUrl).doesNotContain(plainUrl);
    }

    @Test
    void a_name_that_is_taken_is_refused_on_the_name_field() {
        String taken = kubernetesCluster("first-token");
        ClusterView before = clusters.get(support.admin(), taken);
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test($(Button.class).withText("Register cluster").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue(taken);
        test($(TextField.class).withLabel("API URL").single()).setValue("https://198.51.100.7:6443");
        test($(PasswordField.class).withLabel("Token").single()).setValue("second-token");
        test($(Button.class).withText("Register").single()).click();

        TextField name = $(TextField.class).withLabel("Name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage())
                .isEqualTo("A cluster named '" + taken + "' already exists; choose another name");
        assertThat($(Dialog.class).exists()).isTrue();
        assertThat(clusters.get(support.admin(), taken)).isEqualTo(before);
    }

    @Test
    void editing_without_a_new_token_keeps_the_stored_credentials() {
        String cluster = kubernetesCluster("the-original-token");
        ClusterView before = clusters.get(support.admin(), cluster);
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test(action(grid(), cluster, "Edit")).click();
        PasswordField token = $(PasswordField.class).withLabel("Token").single();
        assertThat(token.getValue()).isEmpty();
        assertThat(token.getHelperText()).startsWith("Leave empty to keep the stored credentials");
        assertThat($(TextField.class).withLabel("Name").single().isReadOnly()).isTrue();
        test($(TextArea.class).withLabel("Description").single()).setValue("Production in Frankfurt");
        test($(Button.class).withText("Save").single()).click();

        assertThat($(Dialog.class).exists()).isFalse();
        ClusterView after = clusters.get(support.admin(), cluster);
        assertThat(after.description()).isEqualTo("Production in Frankfurt");
        assertThat(after.credentialsSet()).isTrue();
        assertThat(after.credentialsUpdatedAt()).isEqualTo(before.credentialsUpdatedAt());
        Grid<ClusterView> grid = grid();
        assertThat(test(grid).getCellText(rowOf(grid, cluster), 5)).isEqualTo("Production in Frankfurt");
    }

    @Test
    void switching_to_kubeconfig_when_editing_needs_new_credentials() {
        String cluster = kubernetesCluster("a-token-for-token-auth");
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test(action(grid(), cluster, "Edit")).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ClusterAuth> auth = $(RadioButtonGroup.class).withLabel("Authentication").single();
        test(auth).selectItem("Kubeconfig");
        TextArea kubeconfig = $(TextArea.class).withLabel("Kubeconfig").single();
        assertThat(kubeconfig.getHelperText()).isEqualTo("Required: the stored credentials are for token authentication");
        test($(Button.class).withText("Save").single()).click();

        assertThat($(TextArea.class).withLabel("Kubeconfig").single().getErrorMessage()).isEqualTo("Is required");
        assertThat(clusters.get(support.admin(), cluster).auth()).isEqualTo(ClusterAuth.TOKEN);
    }

    @Test
    void a_cluster_in_use_cannot_be_deleted() {
        String cluster = kubernetesCluster("in-use-token");
        environments.create(support.admin(), new EnvironmentSpec(UiTestSupport.unique("env"), "", cluster,
                "{app}-{env}", true, false));
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test(action(grid(), cluster, "Delete")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Delete cluster " + cluster + "?");
        test(confirm).confirm();

        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Cluster '" + cluster + "' is still used by environments. Move them to another cluster or"
                        + " delete them first.");
        assertThat(clusters.get(support.admin(), cluster).name()).isEqualTo(cluster);
        Grid<ClusterView> grid = grid();
        assertThat(test(grid).getRow(rowOf(grid, cluster)).name()).isEqualTo(cluster);
    }

    @Test
    void an_unused_cluster_is_deleted() {
        String cluster = kubernetesCluster("unused-token");
        support.signIn(support.admin());
        navigate(ClustersView.class);

        test(action(grid(), cluster, "Delete")).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(clusters.list(support.admin())).extracting(ClusterView::name).doesNotContain(cluster);
        Grid<ClusterView> grid = grid();
        for (int i = 0; i < test(grid).size(); i++) {
            assertThat(test(grid).getRow(i).name()).isNotEqualTo(cluster);
        }
    }

    @Test
    void a_non_admin_typing_the_clusters_address_does_not_get_the_page() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        UI.getCurrent().navigate("admin/clusters");

        assertThat(getCurrentView()).isNotInstanceOf(ClustersView.class);
    }
}
