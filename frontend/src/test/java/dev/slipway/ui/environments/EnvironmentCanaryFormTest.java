package dev.slipway.ui.environments;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The Prometheus URL and traffic router of an environment, as a platform admin sets them in the form. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class EnvironmentCanaryFormTest extends SpringBrowserlessTest {

    /** The column of the environment grid that holds the row's buttons. */
    private static final int ACTIONS = 7;

    @Autowired UiTestSupport support;
    @Autowired EnvironmentService environments;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private TextField prometheusUrl() {
        return $(TextField.class).withLabel("Prometheus URL").single();
    }

    @Test
    void a_refused_prometheus_url_is_shown_on_its_field_and_a_good_one_is_saved_and_shown_when_editing() {
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        String name = UiTestSupport.unique("qa");

        test($(Button.class).withText("New environment").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue(name);
        @SuppressWarnings("unchecked")
        Select<String> cluster = $(Select.class).withLabel("Cluster").single();
        test(cluster).selectItem("sandbox (simulated)");
        assertThat(prometheusUrl().getHelperText()).startsWith("Where canary analysis queries this environment's"
                + " metrics, e.g. http://prometheus.monitoring:9090.");
        test(prometheusUrl()).setValue("https://admin:secret@prometheus:9090");
        test($(Button.class).withText("Create").single()).click();

        assertThat(prometheusUrl().isInvalid()).isTrue();
        assertThat(prometheusUrl().getErrorMessage()).startsWith("The Prometheus URL must not contain credentials");
        assertThat($(Dialog.class).exists()).isTrue();
        assertThat(environments.list()).extracting(EnvironmentView::name).doesNotContain(name);

        test(prometheusUrl()).setValue("http://prometheus.monitoring:9090/");
        test($(Button.class).withText("Create").single()).click();

        assertThat($(Dialog.class).exists()).isFalse();
        assertThat(environments.get(name).prometheusUrl()).isEqualTo("http://prometheus.monitoring:9090");

        @SuppressWarnings("unchecked")
        Grid<EnvironmentView> grid = $(Grid.class).single();
        int row = 0;
        while (!test(grid).getRow(row).name().equals(name)) {
            row++;
        }
        Button edit = test(grid).getCellComponent(row, ACTIONS).getChildren().map(Button.class::cast)
                .filter(b -> "Edit".equals(b.getText())).findFirst().orElseThrow();
        test(edit).click();
        assertThat(prometheusUrl().getValue()).isEqualTo("http://prometheus.monitoring:9090");
    }

    @Test
    void a_gateway_api_router_needs_a_host_with_the_app_in_it_and_a_gateway_and_is_saved_with_them() {
        support.signIn(support.admin());
        navigate(EnvironmentsView.class);
        String name = UiTestSupport.unique("gw");

        test($(Button.class).withText("New environment").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue(name);
        @SuppressWarnings("unchecked")
        Select<String> cluster = $(Select.class).withLabel("Cluster").single();
        test(cluster).selectItem("sandbox (simulated)");
        assertThat($(TextField.class).withLabel("App host names").exists()).isFalse();
        @SuppressWarnings("unchecked")
        Select<String> router = $(Select.class).withLabel("Traffic router").single();
        test(router).selectItem(EnvironmentFormDialog.GATEWAY_API);
        test($(TextField.class).withLabel("App host names").single()).setValue("shop.example.com");
        test($(Button.class).withText("Create").single()).click();

        TextField host = $(TextField.class).withLabel("App host names").single();
        TextField gateway = $(TextField.class).withLabel("Gateway").single();
        assertThat(host.getErrorMessage()).contains("with {app} in it");
        assertThat(gateway.getErrorMessage()).contains("namespace/name");
        assertThat(environments.list()).extracting(EnvironmentView::name).doesNotContain(name);

        test(host).setValue("{app}-{env}.apps.example.com");
        test(gateway).setValue("gateway-system/public");
        test($(Button.class).withText("Create").single()).click();

        assertThat($(Dialog.class).exists()).isFalse();
        assertThat(environments.get(name).routing()).isEqualTo(new dev.slipway.environments.TrafficRouting(
                dev.slipway.environments.TrafficRouting.Router.GATEWAY_API, "{app}-{env}.apps.example.com",
                "gateway-system/public"));
    }
}
