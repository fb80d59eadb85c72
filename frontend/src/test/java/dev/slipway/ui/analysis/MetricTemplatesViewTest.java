package dev.slipway.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.analysis.MetricTemplateService;
import dev.slipway.analysis.MetricTemplateView;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** Metric templates as a team's maintainer writes them and a viewer reads them. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class MetricTemplatesViewTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    MetricTemplateService templates;

    String team;

    @BeforeEach
    void setUp() {
        team = support.team();
    }

    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_maintainer_writes_a_team_template_and_a_wrong_condition_is_shown_on_its_field() {
        Actor maintainer = support.member(team, TeamRole.MAINTAINER);
        support.signIn(maintainer);
        navigate(MetricTemplatesView.class);

        test($(Button.class).withText("New template").single()).click();
        test($(TextField.class).withLabel("Key").single()).setValue("checkout-errors");
        test($(TextField.class).withLabel("Name").single()).setValue("Checkout errors");
        test($(TextArea.class).withLabel("PromQL query").single())
                .setValue("sum(rate(checkout_failures_total{app=\"{{app}}\"}[2m]))");
        test($(TextField.class).withLabel("Passes when").single()).setValue("below 1");
        test($(Button.class).withText("Save").single()).click();

        TextField success = $(TextField.class).withLabel("Passes when").single();
        assertThat(success.isInvalid()).isTrue();
        assertThat(success.getErrorMessage()).contains("result < 0.05");

        test(success).setValue("result < 1");
        test($(Button.class).withText("Save").single()).click();

        assertThat(templates.list(maintainer)).filteredOn(v -> !v.builtIn()).singleElement().satisfies(v -> {
            assertThat(v.spec().key()).isEqualTo("checkout-errors");
            assertThat(v.spec().team()).isEqualTo(team);
        });
    }

    @Test
    void a_viewer_sees_the_built_in_templates_and_no_button_to_write_one() {
        support.signIn(support.member(team, TeamRole.VIEWER));

        navigate(MetricTemplatesView.class);

        @SuppressWarnings("unchecked")
        Grid<MetricTemplateView> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(2);
        assertThat(test(grid).getRow(0).spec().key()).isEqualTo("error-rate");
        assertThat($(Button.class).withText("New template").exists()).isFalse();
    }
}
