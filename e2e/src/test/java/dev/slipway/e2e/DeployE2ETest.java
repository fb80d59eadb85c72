package dev.slipway.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying to the sandbox in a real browser: a healthy release reaches "succeeded" while the page
 * watches (no reload), and a crash-looping one is rolled back by Slipway with the reason on screen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployE2ETest {

    static final String APP = "storefront";
    static final LocatorAssertions.IsVisibleOptions ROLLOUT = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @TempDir
    static Path dataDir;
    static SlipwayServer slipway;
    static BrowserSession browser;
    static Page page;

    @BeforeAll
    static void start() {
        slipway = SlipwayServer.start("deploy", dataDir);
        browser = new BrowserSession();
        page = browser.newPage(slipway.baseUrl());
        Pages.signIn(page, "admin", SlipwayServer.ADMIN_PASSWORD);
        Pages.createTeam(page, slipway.baseUrl(), "shop");
        Pages.createImageApp(page, slipway.baseUrl(), APP, "registry.example.com/shop/storefront:1.0");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (slipway != null) {
            slipway.close();
        }
    }

    @Test
    @Order(1)
    void a_deploy_to_the_sandbox_reaches_succeeded_while_the_page_watches() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open")).first().click();
        assertThat(page).hasURL(slipway.baseUrl() + "/apps/" + APP + "/environments/dev");
        assertThat(page.getByText("Simulated: nothing runs").first()).isVisible();

        Pages.button(page, "Deploy").click();
        dialogButton("Review changes").click();
        assertThat(Pages.dialog(page).getByText("Nothing runs here yet")).isVisible();
        dialogButton("Deploy").click();

        // No reload from here on: the server pushes the rollout's progress into the page.
        assertThat(page.locator("[data-phase='SUCCEEDED']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText("Runs v1 (registry.example.com/shop/storefront:1.0)")).isVisible();
        browser.screenshot(page, "10-rollout-succeeded");
    }

    @Test
    @Order(2)
    void a_crash_looping_release_is_rolled_back_and_the_page_says_why() {
        Pages.button(page, "Deploy").click();
        Pages.field(page, "Image").fill("registry.example.com/shop/storefront:2.0");
        Pages.dialog(page).locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^Crash loop"))).click();
        dialogButton("Review changes").click();
        dialogButton("Deploy these changes").click();

        assertThat(page.locator("[data-phase='ROLLED_BACK']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText("is crash-looping").first()).isVisible();
        assertThat(page.getByText("Runs v1 (registry.example.com/shop/storefront:1.0)")).isVisible();
        browser.screenshot(page, "11-rollout-rolled-back");
    }

    @Test
    @Order(3)
    void a_secret_is_saved_masked_and_the_deploy_shows_it_in_the_diff_before_confirming() {
        String secret = "e2e-db-password-4711";
        Pages.button(page, "Add secret").click();
        Pages.field(page, "Name").fill("DB_PASSWORD");
        Pages.dialog(page).locator("vaadin-password-field input").fill(secret);
        dialogButton("Save").click();

        assertThat(page.getByText("•••••• set, v1 by admin").first()).isVisible();
        assertThat(page.getByText(secret)).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secret);
        browser.screenshot(page, "12-secret-masked");

        Pages.button(page, "Deploy").click();
        Pages.field(page, "Image").fill("registry.example.com/shop/storefront:1.1");
        dialogButton("Review changes").click();
        assertThat(Pages.dialog(page).getByText("secret DB_PASSWORD added")).isVisible();
        assertThat(Pages.dialog(page).getByText(Pattern.compile("storefront:1.0 → registry.example.com/shop/storefront:1.1")))
                .isVisible();
        browser.screenshot(page, "13-deploy-diff");
        dialogButton("Deploy these changes").click();

        assertThat(page.getByText("Runs v3 (registry.example.com/shop/storefront:1.1)")).isVisible(ROLLOUT);
        assertThat(page.locator("body")).not().containsText(secret);
    }

    private static Locator dialogButton(String name) {
        return Pages.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
