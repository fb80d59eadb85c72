package dev.slipway.ui.builds;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.NewApp;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The builds page on an installation without a registry (the test profile has none). */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class BuildsViewTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    AppService apps;
    @Autowired
    dev.slipway.builds.BuildService builds;
    @Autowired
    dev.slipway.builds.DeployKeyService deployKeys;

    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    @Test
    void without_a_registry_the_page_says_what_an_operator_sets_and_offers_no_build_button() {
        String team = support.team();
        String app = UiTestSupport.unique("git");
        gitApp(team, app, "https://git.example.com/shop/" + app + ".git");
        support.signIn(support.member(team, TeamRole.DEVELOPER));

        navigate("apps/" + app + "/builds", BuildsView.class);

        assertThat($(Paragraph.class).withTextContaining("SLIPWAY_BUILD_REGISTRY").exists()).isTrue();
        assertThat($(Button.class).withText("Build now").exists()).isFalse();
    }

    @Test
    void a_developer_turns_auto_deploy_on_for_dev_and_prod_is_not_offered() {
        String team = support.team();
        String app = UiTestSupport.unique("git");
        gitApp(team, app, "https://git.example.com/shop/" + app + ".git");
        var developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate("apps/" + app + "/builds", BuildsView.class);

        test($(Checkbox.class).withLabel("Deploy successful builds of main to dev").single()).click();

        assertThat(builds.autoDeploys(developer, app)).filteredOn(a -> a.environment().equals("dev"))
                .singleElement().extracting(a -> a.branch()).isEqualTo("main");
        assertThat($(Checkbox.class).withLabel("Deploy successful builds of main to prod").single().isEnabled()).isFalse();
    }

    @Test
    void a_maintainer_sets_a_repository_token_that_is_never_shown_again() {
        String team = support.team();
        String app = UiTestSupport.unique("git");
        gitApp(team, app, "https://git.example.com/shop/" + app + ".git");
        var maintainer = support.member(team, TeamRole.MAINTAINER);
        support.signIn(maintainer);
        navigate("apps/" + app + "/builds", BuildsView.class);

        test($(Button.class).withText("Set access token").single()).click();
        test($(com.vaadin.flow.component.textfield.PasswordField.class).withLabel("Access token").single())
                .setValue("ghp_page-token-42");
        test($(Button.class).withText("Save").single()).click();

        assertThat(builds.repositoryAccess(maintainer, app).hasToken()).isTrue();
        assertThat($(Paragraph.class).withTextContaining("builds fetch with an access token set by "
                + maintainer.username()).exists()).isTrue();
        assertThat($(Button.class).withText("Replace access token").exists()).isTrue();
        support.signIn(support.member(team, TeamRole.DEVELOPER));
        navigate("apps/" + app + "/builds", BuildsView.class);
        assertThat($(Button.class).withText("Replace access token").exists()).isFalse();
    }

    @Test
    void a_maintainer_makes_a_deploy_key_for_an_ssh_repository_and_sees_only_its_public_half() {
        String team = support.team();
        String app = UiTestSupport.unique("ssh");
        gitApp(team, app, "git@git.example.com:shop/" + app + ".git");
        var maintainer = support.member(team, TeamRole.MAINTAINER);
        support.signIn(maintainer);
        navigate("apps/" + app + "/builds", BuildsView.class);
        assertThat($(Button.class).withText("Set access token").exists()).as("ssh fetches use a deploy key").isFalse();

        test($(Button.class).withText("Make deploy key").single()).click();

        String shown = $(com.vaadin.flow.component.textfield.TextArea.class).single().getValue();
        assertThat(shown).startsWith("ecdsa-sha2-nistp256 ").isEqualTo(deployKeys.view(maintainer, app).publicKey());
        assertThat($(Button.class).withText("Replace deploy key").exists()).isTrue();
        support.signIn(support.member(team, TeamRole.VIEWER));
        navigate("apps/" + app + "/builds", BuildsView.class);
        assertThat($(com.vaadin.flow.component.textfield.TextArea.class).single().getValue()).isEqualTo(shown);
        assertThat($(Button.class).withText("Replace deploy key").exists()).isFalse();
    }

    @Test
    void an_image_app_has_no_builds() {
        String team = support.team();
        String app = support.app(team);
        support.signIn(support.member(team, TeamRole.DEVELOPER));

        navigate("apps/" + app + "/builds", BuildsView.class);

        assertThat($(Paragraph.class).withTextContaining("deploys a prebuilt image").exists()).isTrue();
    }

    private void gitApp(String team, String app, String repository) {
        apps.create(support.admin(), new NewApp(team, app, "", AppSource.GIT, repository, "main", null, 8080, "/healthz",
                "/ready"));
    }
}
