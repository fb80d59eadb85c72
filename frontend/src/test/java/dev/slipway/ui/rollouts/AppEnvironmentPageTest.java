package dev.slipway.ui.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.apps.AppService;
import dev.slipway.apps.DeploySettings;
import dev.slipway.apps.DeployStrategy;
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

    /** What an app gets in an environment until someone changes it, as the page sums it up. */
    private static final String DEFAULT_SETTINGS = "2 pods · 100m–500m CPU · 256Mi–512Mi memory · rolling,"
            + " max surge 25%, max unavailable 0, deadline 120 s";
    /** The release history's column with the rollback button. */
    private static final int ROLLBACK = 6;

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

    private String environmentPage() {
        return "apps/" + app + "/environments/dev";
    }

    /** Deploys v1 and then v2 to dev and waits until each succeeded, so v1 could be rolled back to. */
    private RolloutView twoSucceededReleases(Actor developer) {
        RolloutView first = deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.27", null));
        awaitSucceeded(developer);
        deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.28", null));
        awaitSucceeded(developer);
        return first;
    }

    private void awaitSucceeded(Actor actor) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(actor, app, "dev").rollout().phase() == RolloutPhase.SUCCEEDED);
    }

    @Test
    void a_developer_deploys_through_the_dialog_and_the_page_then_shows_the_release_running() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate(environmentPage(), AppEnvironmentPage.class);

        test($(Button.class).withText("Deploy").single()).click();
        test($(Button.class).withText("Review changes").single()).click();
        assertThat($(DeployPreviewPanel.class).single().getElement().getTextRecursively())
                .contains("Nothing runs here yet");
        test($(Button.class).withText("Deploy").last()).click();

        RolloutView rollout = deploys.status(developer, app, "dev").rollout();
        assertThat(rollout).isNotNull();
        assertThat(rollout.release()).isEqualTo(1);
        awaitSucceeded(developer);
        navigate(environmentPage(), AppEnvironmentPage.class);
        assertThat($(Paragraph.class).withTextContaining("Runs v1 (nginx:1.27)").exists()).isTrue();
    }

    @Test
    void an_invalid_image_is_shown_on_the_field_and_nothing_is_released() {
        support.signIn(support.member(team, TeamRole.DEVELOPER));
        navigate(environmentPage(), AppEnvironmentPage.class);

        test($(Button.class).withText("Deploy").single()).click();
        test($(TextField.class).withLabel("Image").single()).setValue("Not An Image");
        test($(Button.class).withText("Review changes").single()).click();

        TextField image = $(TextField.class).withLabel("Image").single();
        assertThat(image.isInvalid()).isTrue();
        assertThat(image.getErrorMessage()).contains("not a valid image reference");
        assertThat($(DeployDialog.class).exists()).isTrue();
        assertThat(deploys.history(support.admin(), app, "dev")).isEmpty();
    }

    @Test
    void a_viewer_sees_the_environment_but_gets_no_controls() {
        twoSucceededReleases(support.member(team, TeamRole.DEVELOPER));
        support.signIn(support.member(team, TeamRole.VIEWER));

        navigate(environmentPage(), AppEnvironmentPage.class);

        assertThat($(Paragraph.class).withTextContaining("Runs v2 (nginx:1.28)").exists()).isTrue();
        assertThat($(Paragraph.class).withText("Settings: " + DEFAULT_SETTINGS).exists()).isTrue();
        assertThat($(Button.class).withText("Deploy").exists()).isFalse();
        assertThat($(Button.class).withText("Settings").exists()).isFalse();
        ReleaseHistoryGrid history = $(ReleaseHistoryGrid.class).single();
        assertThat(test(history).size()).isEqualTo(2);
        // v1 does not run, so a developer would get "Roll back to v1" in this row; a viewer must not.
        assertThat(test(history).getCellComponent(1, ROLLBACK).isVisible()).isFalse();
    }

    @Test
    void only_a_maintainer_gets_to_deploy_to_a_protected_environment() {
        support.signIn(support.member(team, TeamRole.DEVELOPER));
        navigate("apps/" + app + "/environments/prod", AppEnvironmentPage.class);
        assertThat($(Button.class).withText("Deploy").exists()).isFalse();
        assertThat($(Button.class).withText("Settings").exists()).isFalse();

        support.signIn(support.member(team, TeamRole.MAINTAINER));
        navigate("apps/" + app + "/environments/prod", AppEnvironmentPage.class);
        assertThat($(Button.class).withText("Deploy").exists()).isTrue();
        assertThat($(Button.class).withText("Settings").exists()).isTrue();
    }

    @Test
    void the_settings_dialog_shows_the_services_problems_on_the_fields_and_saves_valid_settings() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate(environmentPage(), AppEnvironmentPage.class);

        test($(Button.class).withText("Settings").single()).click();
        test($(TextField.class).withLabel("CPU limit").single()).setValue("50m");
        test($(Button.class).withText("Save").single()).click();
        TextField cpuLimit = $(TextField.class).withLabel("CPU limit").single();
        assertThat(cpuLimit.isInvalid()).isTrue();
        assertThat(cpuLimit.getErrorMessage()).isEqualTo("Must not be below the CPU request (100m)");
        assertThat(apps.deploySettings(developer, app, "dev").cpuLimit()).isEqualTo("500m");

        test(cpuLimit).setValue("1");
        test($(IntegerField.class).withLabel("Pods").single()).setValue(3);
        test($(Button.class).withText("Save").single()).click();

        assertThat($(DeploySettingsDialog.class).exists()).isFalse();
        assertThat(apps.deploySettings(developer, app, "dev").cpuLimit()).isEqualTo("1");
        assertThat(apps.deploySettings(developer, app, "dev").replicas()).isEqualTo(3);
        assertThat($(Paragraph.class).withTextContaining("Settings: 3 pods · 100m–1 CPU").exists()).isTrue();
    }

    @Test
    void someone_outside_the_team_typing_the_address_sees_not_found() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        NotFoundView page = navigate(environmentPage(), NotFoundView.class);

        assertThat($(Paragraph.class, page).first().getText()).contains("There is no app '" + app + "'");
    }

    @Test
    void an_earlier_release_is_brought_back_from_the_history() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        RolloutView first = twoSucceededReleases(developer);
        support.signIn(developer);
        navigate(environmentPage(), AppEnvironmentPage.class);

        ReleaseHistoryGrid history = $(ReleaseHistoryGrid.class).single();
        // Newest first: v2 runs (no button), v1 is the row below it.
        Button rollBack = (Button) test(history).getCellComponent(1, ROLLBACK);
        assertThat(rollBack.getText()).isEqualTo("Roll back to v" + first.release());
        test(rollBack).click();
        test($(ConfirmDialog.class).single()).confirm();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").running().release().rollbackOf() != null);
        assertThat(deploys.status(developer, app, "dev").running().release().image()).isEqualTo("nginx:1.27");
    }

    @Test
    void a_developer_chooses_the_canary_strategy_and_a_wrong_step_is_shown_on_the_steps_field() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate(environmentPage(), AppEnvironmentPage.class);

        test($(Button.class).withText("Settings").single()).click();
        assertThat($(TextArea.class).withLabel("Canary steps").exists()).isFalse();
        test($(Select.class).withLabel("Strategy").single()).selectItem(
                "Canary: the new release gets a growing share of requests, step by step");
        TextArea steps = $(TextArea.class).withLabel("Canary steps").single();
        test(steps).setValue("setWeight 20\nanalysis error-rate latency");
        test($(Button.class).withText("Save").single()).click();

        assertThat(steps.isInvalid()).isTrue();
        assertThat(steps.getErrorMessage()).contains("there is no metric template latency",
                "the ones this app's team can use are error-rate, p99-latency");
        assertThat(apps.deploySettings(developer, app, "dev").strategy()).isEqualTo(DeployStrategy.ROLLING);

        test(steps).setValue("setWeight 50\npause");
        test($(Button.class).withText("Save").single()).click();

        assertThat(apps.deploySettings(developer, app, "dev").strategy()).isEqualTo(DeployStrategy.CANARY);
        assertThat($(Paragraph.class).withTextContaining("canary: setWeight 50, pause").exists()).isTrue();
    }

    @Test
    void a_canary_held_at_a_pause_shows_its_step_and_is_promoted_with_a_click() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        DeploySettings defaults = apps.deploySettings(developer, app, "dev");
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(4, defaults.cpuRequest(),
                defaults.cpuLimit(), defaults.memoryRequest(), defaults.memoryLimit(), defaults.maxSurge(),
                defaults.maxUnavailable(), defaults.progressDeadlineSeconds(), null, DeployStrategy.CANARY,
                "setWeight 25\npause"));
        deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.27", null));
        awaitSucceeded(developer);
        deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.28", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").rollout().phase() == RolloutPhase.PAUSED);
        support.signIn(developer);

        navigate(environmentPage(), AppEnvironmentPage.class);

        assertThat($(CanaryPanel.class).single().getElement().getTextRecursively())
                .contains("Step 2 of 2 (pause): v2 gets 25% of requests on 1 canary pod and 3 stable");
        assertThat($(Button.class).withText("Resume").exists()).isFalse();
        test($(Button.class).withText("Promote").single()).click();

        awaitSucceeded(developer);
        assertThat(deploys.status(developer, app, "dev").running().release().number()).isEqualTo(2);
    }

    @Test
    void a_blue_green_release_waiting_in_its_slot_switches_when_promote_is_clicked() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        DeploySettings defaults = apps.deploySettings(developer, app, "dev");
        apps.updateDeploySettings(developer, app, "dev", new DeploySettings(2, defaults.cpuRequest(),
                defaults.cpuLimit(), defaults.memoryRequest(), defaults.memoryLimit(), defaults.maxSurge(),
                defaults.maxUnavailable(), defaults.progressDeadlineSeconds(), null, DeployStrategy.BLUE_GREEN, null,
                new DeploySettings.BlueGreen(null, false, 0, 0, null, null)));
        deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.27", null));
        awaitSucceeded(developer);
        deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.28", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").rollout().phase() == RolloutPhase.PAUSED);
        support.signIn(developer);

        navigate(environmentPage(), AppEnvironmentPage.class);

        assertThat($(BlueGreenPanel.class).single().getElement().getTextRecursively())
                .contains("v2 is ready in the green slot (preview Service). Promote to switch");
        assertThat($(Paragraph.class).withTextContaining("blue-green: preview on all pods, waits for a promotion")
                .exists()).isTrue();
        assertThat($(Button.class).withText("Promote fully").exists()).isFalse();
        test($(Button.class).withText("Promote").single()).click();

        awaitSucceeded(developer);
        assertThat(deploys.status(developer, app, "dev").running().release().number()).isEqualTo(2);
        assertThat(deploys.status(developer, app, "dev").running().slot()).isEqualTo("green");
    }
}
