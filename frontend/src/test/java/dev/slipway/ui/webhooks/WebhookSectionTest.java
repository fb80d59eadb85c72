package dev.slipway.ui.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.NewApp;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.WebhookPayloads;
import dev.slipway.ui.UiTestSupport;
import dev.slipway.ui.apps.AppDetailView;
import dev.slipway.webhooks.DeliveryView;
import dev.slipway.webhooks.WebhookProvider;
import dev.slipway.webhooks.WebhookService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
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

    @Test
    void a_developer_opens_a_delivery_reads_what_was_sent_and_redelivers_it() {
        Actor maintainer = support.member(team, TeamRole.MAINTAINER);
        String secret = webhooks.rotateSecret(maintainer, app);
        long original = push(secret).delivery();
        support.signIn(support.member(team, TeamRole.DEVELOPER));
        navigate("apps/" + app, AppDetailView.class);

        openNewestDelivery();

        Dialog dialog = $(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Delivery #" + original);
        assertThat($(Span.class).withText("[redacted]").all()).as("X-Hub-Signature and X-Hub-Signature-256").hasSize(2);
        assertThat($(Span.class).withText("push").exists()).isTrue();
        assertThat($(Pre.class).single().getText()).as("pretty-printed").contains("\n  \"ref\" : \"refs/heads/main\"")
                .doesNotContain(secret);

        test($(Button.class).withText("Redeliver").single()).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(webhooks.info(maintainer, app).deliveries()).hasSize(2).first().satisfies(d -> {
            assertThat(d.redeliveryOf()).isEqualTo(original);
            assertThat(d.deliveryId()).isNull();
        });
        assertThat($(Dialog.class).all()).as("closed after the redelivery").noneMatch(Dialog::isOpened);
    }

    @Test
    void a_viewer_reads_a_delivery_but_is_offered_no_redeliver() {
        String secret = webhooks.rotateSecret(support.member(team, TeamRole.MAINTAINER), app);
        push(secret);
        support.signIn(support.member(team, TeamRole.VIEWER));
        navigate("apps/" + app, AppDetailView.class);

        openNewestDelivery();

        assertThat($(Pre.class).exists()).isTrue();
        assertThat($(Button.class).withText("Redeliver").exists()).isFalse();
    }

    private void openNewestDelivery() {
        @SuppressWarnings("unchecked")
        Grid<DeliveryView> deliveries = $(Grid.class).id("webhook-deliveries");
        var grid = test(deliveries);
        test((Button) grid.getCellComponent(0, grid.getColumnPosition("details"))).click();
    }

    private WebhookService.Receipt push(String secret) {
        byte[] body = WebhookPayloads.githubPush("https://git.example.com/shop/" + app + ".git", "refs/heads/main",
                "6113728f27ae82c7b1a177c8d03f9e96e0adf246", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c")
                .getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        WebhookPayloads.githubHeaders("push", java.util.UUID.randomUUID().toString(), "application/json", body, secret)
                .forEach(headers::add);
        return webhooks.receive(WebhookProvider.GITHUB, app, headers, body);
    }
}
