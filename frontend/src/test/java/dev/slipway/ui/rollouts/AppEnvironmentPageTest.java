package dev.slipway.ui.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.apps.AppService;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import dev.slipway.ui.errors.NotFoundView;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** An app's page in one environment, as team members meet it. The engine and the sandbox run for real. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class AppEnvironmentPageTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    DeployService deploys;
    @Autowired
    AppService apps;

    String team;
    String app;

    @BeforeEach
    void setUp() {
        team = support.team();
        app = support.app(team);
    }

    /**
     * Signs out only after Vaadin closed the test's session: a live refresh the page queued while the
     * rollout ran still executes during the close, and it reads as the signed-in user.
     */
    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_developer_deploys_through_the_dialog_and_the_page_then_shows_the_release_running() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        test($(Button.class).withText("Deploy").single()).click();
        test($(Button.class).withText("Deploy").last()).click();

        RolloutView rollout = deploys.status(developer, app, "dev").rollout();
        assertThat(rollout).isNotNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").rollout().phase() == RolloutPhase.SUCCEEDED);
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);
        assertThat($(Paragraph.class).withTextContaining("Runs v1 (nginx:1.27)").exists()).isTrue();
    }

    @Test
    void an_invalid_image_is_shown_on_the_field_and_nothing_is_released() {
        support.signIn(support.member(team, TeamRole.DEVELOPER));
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        test($(Button.class).withText("Deploy").single()).click();
        test($(TextField.class).withLabel("Image").single()).setValue("Not An Image");
        test($(Button.class).withText("Deploy").last()).click();

        assertThat($(TextField.class).withLabel("Image").single().getErrorMessage()).contains("not a valid image reference");
        assertThat(deploys.history(support.admin(), app, "dev")).isEmpty();
    }

    @Test
    void a_viewer_sees_the_environment_but_gets_no_controls() {
        support.signIn(support.member(team, TeamRole.VIEWER));

        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        assertThat($(Button.class).withText("Deploy").exists()).isFalse();
        assertThat($(Button.class).withText("Settings").exists()).isFalse();
        assertThat($(Paragraph.class).withTextContaining("Settings: 2 pods").exists()).isTrue();
    }

    @Test
    void only_a_maintainer_gets_to_deploy_to_a_protected_environment() {
        support.signIn(support.member(team, TeamRole.DEVELOPER));
        navigate("apps/" + app + "/environments/prod", AppEnvironmentPage.class);
        assertThat($(Button.class).withText("Deploy").exists()).isFalse();

        support.signIn(support.member(team, TeamRole.MAINTAINER));
        navigate("apps/" + app + "/environments/prod", AppEnvironmentPage.class);
        assertThat($(Button.class).withText("Deploy").exists()).isTrue();
    }

    @Test
    void the_settings_dialog_shows_the_services_problems_on_the_fields_and_saves_valid_settings() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        test($(Button.class).withText("Settings").single()).click();
        test($(TextField.class).withLabel("CPU limit").single()).setValue("50m");
        test($(Button.class).withText("Save").single()).click();
        assertThat($(TextField.class).withLabel("CPU limit").single().getErrorMessage())
                .containsIgnoringCase("must not be below the CPU request");

        test($(TextField.class).withLabel("CPU limit").single()).setValue("1");
        test($(Button.class).withText("Save").single()).click();
        assertThat(apps.deploySettings(developer, app, "dev").cpuLimit()).isEqualTo("1");
    }

    @Test
    void someone_outside_the_team_typing_the_address_sees_not_found() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        NotFoundView page = navigate("apps/" + app + "/environments/dev", NotFoundView.class);

        assertThat($(Paragraph.class, page).first().getText()).contains("There is no app '" + app + "'");
    }

    @Test
    void a_failed_release_can_be_rolled_back_from_the_history() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        RolloutView first = deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.27", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").rollout().phase() == RolloutPhase.SUCCEEDED);
        deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.28", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").rollout().phase() == RolloutPhase.SUCCEEDED);
        support.signIn(developer);
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        ReleaseHistoryGrid history = $(ReleaseHistoryGrid.class).single();
        // newest first: v2 runs (no button), v1 is the row below it
        Button rollBack = (Button) test(history).getCellComponent(1, 5);
        assertThat(rollBack.getText()).isEqualTo("Roll back to v" + first.release());
        test(rollBack).click();
        test($(ConfirmDialog.class).single()).confirm();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").running().release().rollbackOf() != null);
        assertThat(deploys.status(developer, app, "dev").running().release().image()).isEqualTo("nginx:1.27");
    }
}
