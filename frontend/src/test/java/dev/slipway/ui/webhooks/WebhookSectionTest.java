package dev.slipway.ui.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.NewApp;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import dev.slipway.ui.apps.AppDetailView;
import dev.slipway.webhooks.WebhookService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class WebhookSectionTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    AppService apps;
    @Autowired
    WebhookService webhooks;

    String team;
    String app;

    @BeforeEach
    void setUp() {
        team = support.team();
        app = UiTestSupport.unique("git");
        apps.create(support.admin(), new NewApp(team, app, "", AppSource.GIT, "https://git.example.com/shop/" + app + ".git",
                "main", null, 8080, "/healthz", "/ready"));
    }

    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_maintainer_generates_the_secret_sees_it_once_and_a_refused_delivery_shows_why() {
        Actor maintainer = support.member(team, TeamRole.MAINTAINER);
        support.signIn(maintainer);
        navigate("apps/" + app, AppDetailView.class);
        assertThat($(Paragraph.class).withTextContaining("No secret yet").exists()).isTrue();

        test($(Button.class).withText("Generate secret").single()).click();

        String secret = $(TextField.class).withLabel("Secret").single().getValue();
        assertThat(secret).startsWith("whsec_");
        test($(Button.class).withText("Done").single()).click();
        webhooks.receive(dev.slipway.webhooks.WebhookProvider.GITHUB, app, new org.springframework.http.HttpHeaders(),
                "{}".getBytes(StandardCharsets.UTF_8));
        navigate("apps/" + app, AppDetailView.class);
        assertThat($(Paragraph.class).withTextContaining("A secret is set (by " + maintainer.username()).exists()).isTrue();
        assertThat($(TextField.class).withLabel("Secret").exists()).as("not shown again").isFalse();
        assertThat(webhooks.info(maintainer, app).deliveries()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("X-Hub-Signature-256 header is missing"));

        test($(Button.class).withText("Rotate secret").single()).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat($(TextField.class).withLabel("Secret").single().getValue()).startsWith("whsec_").isNotEqualTo(secret);
    }

    @Test
    void a_developer_sees_the_hook_but_cannot_change_the_secret() {
        support.signIn(support.member(team, TeamRole.DEVELOPER));

        navigate("apps/" + app, AppDetailView.class);

        assertThat($(Paragraph.class).withTextContaining("add a webhook with one of these URLs").exists()).isTrue();
        assertThat($(Button.class).withText("Generate secret").exists()).isFalse();
    }
}
