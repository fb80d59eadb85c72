package dev.slipway.ui.promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import dev.slipway.promotions.PromotionService;
import dev.slipway.promotions.PromotionStatus;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import dev.slipway.ui.rollouts.AppEnvironmentPage;
import dev.slipway.ui.rollouts.DeployPreviewPanel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** Promoting from the environment page, and approving into a protected environment. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class PromotionViewsTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    DeployService deploys;
    @Autowired
    PromotionService promotions;

    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_promotion_to_prod_is_requested_by_one_maintainer_and_approved_by_another() {
        String team = support.team();
        String app = support.app(team);
        Actor requester = support.member(team, TeamRole.MAINTAINER);
        deploys.deploy(requester, app, "staging", new DeployRequest("nginx:1.27", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> deploys.status(requester, app, "staging").running() != null);
        support.signIn(requester);
        navigate("apps/" + app + "/environments/staging", AppEnvironmentPage.class);

        test($(Button.class).withText("Promote to prod").single()).click();
        assertThat($(DeployPreviewPanel.class).single().getElement().getTextRecursively())
                .contains("Nothing runs here yet");
        test($(Button.class).withText("Request approval").single()).click();

        assertThat(promotions.list(requester, app)).singleElement()
                .extracting(p -> p.status()).isEqualTo(PromotionStatus.PENDING);
        navigate("apps/" + app + "/environments/prod", AppEnvironmentPage.class);
        assertThat($(Button.class).withText("Approve and deploy").exists()).as("no self-approval").isFalse();
        assertThat($(Button.class).withText("Withdraw").exists()).isTrue();

        Actor approver = support.member(team, TeamRole.MAINTAINER);
        support.signIn(approver);
        navigate("apps/" + app + "/environments/prod", AppEnvironmentPage.class);
        test($(Button.class).withText("Approve and deploy").single()).click();

        assertThat(promotions.list(approver, app).getFirst().status()).isEqualTo(PromotionStatus.APPROVED);
        await().atMost(Duration.ofSeconds(30)).until(() -> deploys.status(approver, app, "prod").running() != null);
        assertThat(deploys.status(approver, app, "prod").running().release().image()).isEqualTo("nginx:1.27");
    }
}
