package dev.slipway.ui.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.config.ConfigChange;
import dev.slipway.config.ConfigService;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import dev.slipway.ui.rollouts.AppEnvironmentPage;
import dev.slipway.ui.rollouts.DeployPreviewPanel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The config section of an app's environment page, and the deploy dialog's review of it. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class ConfigSectionTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    ConfigService config;
    @Autowired
    DeployService deploys;

    String team;
    String app;

    @BeforeEach
    void setUp() {
        team = support.team();
        app = support.app(team);
    }

    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    /** Each row as "name | what the value column shows". */
    @SuppressWarnings("unchecked")
    private List<String> rows() {
        Grid<ConfigSection.Entry> grid = $(Grid.class, $(ConfigSection.class).single()).single();
        var tester = test(grid);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < tester.size(); i++) {
            rows.add(tester.getCellText(i, 0) + " | " + ((Span) tester.getCellComponent(i, 2)).getText());
        }
        return rows;
    }

    @Test
    void a_secret_saved_in_the_browser_is_shown_masked_and_its_value_never_reaches_the_page() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        test($(Button.class).withText("Add secret").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue("DB_PASSWORD");
        test($(PasswordField.class).withLabel("Secret value").single()).setValue("browser-canary-pw");
        test($(Button.class).withText("Save").single()).click();

        assertThat($(ConfigEntryDialog.class).exists()).isFalse();
        assertThat(rows()).singleElement().asString().startsWith("DB_PASSWORD | •••••• set, v1 by " + developer.username())
                .doesNotContain("browser-canary-pw");
        // replacing starts from an empty field: the old value is not sent back to the browser
        Grid<ConfigSection.Entry> grid = $(Grid.class, $(ConfigSection.class).single()).single();
        Button replace = (Button) test(grid).getCellComponent(0, 3).getChildren().findFirst().orElseThrow();
        assertThat(replace.getText()).isEqualTo("Replace");
        test(replace).click();
        assertThat($(PasswordField.class).withLabel("Secret value").single().getValue()).isEmpty();
    }

    @Test
    void the_deploy_dialog_shows_the_config_diff_before_the_deploy_is_confirmed() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        deploys.deploy(developer, app, "dev", new DeployRequest("nginx:1.27", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deploys.status(developer, app, "dev").rollout().phase() == RolloutPhase.SUCCEEDED);
        config.change(developer, app, "dev", new ConfigChange(Map.of("LOG_LEVEL", "debug"), Map.of("API_KEY", "k"), null, null));
        support.signIn(developer);
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        test($(Button.class).withText("Deploy").single()).click();
        test($(Button.class).withText("Review changes").single()).click();

        String diff = $(DeployPreviewPanel.class).single().getElement().getTextRecursively();
        assertThat(diff).contains("variable LOG_LEVEL added: debug").contains("secret API_KEY added")
                .contains("config v1");
        assertThat(deploys.history(developer, app, "dev")).hasSize(1);
        test($(Button.class).withText("Deploy these changes").single()).click();
        assertThat(deploys.history(developer, app, "dev")).hasSize(2);
        assertThat(deploys.history(developer, app, "dev").getFirst().release().configVersionId()).isNotNull();
    }

    @Test
    void a_bad_env_paste_names_each_bad_line_and_stores_nothing() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        test($(Button.class).withText("Import .env").single()).click();
        test($(TextArea.class).withLabel("Contents of a .env file").single()).setValue("A=1\nnot a line\n2B=x");
        test($(Checkbox.class).withLabel("Import every line as a secret").single()).click();
        test($(Button.class).withText("Import").single()).click();

        assertThat($(ListItem.class).all()).extracting(ListItem::getText)
                .anyMatch(t -> t.startsWith("Line 2: is not NAME=value"))
                .anyMatch(t -> t.startsWith("Line 3: \"2B\" is not a valid environment variable name"));
        assertThat(config.view(developer, app, "dev").version()).isZero();

        test($(TextArea.class).withLabel("Contents of a .env file").single()).setValue("A=1\nB=\"two\"");
        test($(Button.class).withText("Import").single()).click();
        assertThat(config.view(developer, app, "dev").secrets()).hasSize(2);
    }

    @Test
    void a_viewer_reads_variables_and_sees_secrets_masked_without_controls() {
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        config.change(developer, app, "dev", new ConfigChange(Map.of("MODE", "fast"), Map.of("TOKEN", "viewer-canary"), null, null));
        support.signIn(support.member(team, TeamRole.VIEWER));

        navigate("apps/" + app + "/environments/dev", AppEnvironmentPage.class);

        assertThat(rows()).hasSize(2).contains("MODE | fast")
                .anySatisfy(row -> assertThat(row).startsWith("TOKEN | •••••• set, v1"))
                .allSatisfy(row -> assertThat(row).doesNotContain("viewer-canary"));
        assertThat($(Button.class).withText("Add variable").exists()).isFalse();
        Grid<ConfigSection.Entry> grid = $(Grid.class, $(ConfigSection.class).single()).single();
        assertThat(test(grid).getCellComponent(0, 3).getChildren()).as("no edit or remove in a viewer's rows").isEmpty();
        assertThat($(Button.class).withText("History").exists()).isTrue();
    }
}
