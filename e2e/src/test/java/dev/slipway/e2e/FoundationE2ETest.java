package dev.slipway.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first steps on a fresh installation, in a real browser: sign in as the first admin, create a team
 * and an app, find it in the list; then a user of no team types the app's address and is refused.
 * Tests run in order because each builds on what the one before created.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationE2ETest {

    static final String TEAM = "payments";
    static final String APP = "checkout";
    static final String OUTSIDER = "outsider";
    static final String OUTSIDER_PASSWORD = "outsider-password-1";

    @TempDir
    static Path dataDir;
    static SlipwayServer slipway;
    static BrowserSession browser;

    @BeforeAll
    static void start() {
        slipway = SlipwayServer.start("foundation", dataDir);
        // Reported in the issue notes: start time of the packaged jar and its memory right after start.
        System.out.printf("[measure] Slipway ready %d ms after launch; resident memory %d MiB%n",
                slipway.startupTime().toMillis(), slipway.residentMemoryMib());
        browser = new BrowserSession();
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
    void an_admin_signs_in_creates_a_team_and_an_app_and_sees_it_in_the_list() {
        Page page = browser.newPage(slipway.baseUrl());
        signIn(page, "admin", SlipwayServer.ADMIN_PASSWORD);

        page.navigate("/teams");
        button(page, "New team").click();
        field(page, "Name").fill(TEAM);
        button(page, "Create").click();
        assertThat(page).hasURL(slipway.baseUrl() + "/teams/" + TEAM);

        page.navigate("/apps");
        button(page, "New app").click();
        field(page, "Name").fill(APP);
        page.getByText("Deploy a prebuilt image").click();
        field(page, "Image").fill("registry.example.com/payments/checkout:1.0");
        button(page, "Create").click();
        assertThat(page).hasURL(slipway.baseUrl() + "/apps/" + APP);
        assertThat(page.getByText("namespace " + APP + "-dev")).isVisible();
        assertThat(page.getByText("Simulated: nothing runs").first()).isVisible();
        browser.screenshot(page, "01-app-detail");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Apps")).first().click();
        assertThat(page.locator("vaadin-grid").getByText(APP, new Locator.GetByTextOptions().setExact(true))).isVisible();
        browser.screenshot(page, "02-apps-list");
    }

    @Test
    @Order(2)
    void an_admin_creates_a_user_in_no_team() {
        Page page = browser.newPage(slipway.baseUrl());
        signIn(page, "admin", SlipwayServer.ADMIN_PASSWORD);

        page.navigate("/admin/users");
        button(page, "New user").click();
        field(page, "Username").fill(OUTSIDER);
        field(page, "Initial password").fill(OUTSIDER_PASSWORD);
        button(page, "Create").click();
        // username and display name are both "outsider"
        assertThat(page.locator("vaadin-grid").getByText(OUTSIDER, new Locator.GetByTextOptions().setExact(true)).first())
                .isVisible();
        browser.screenshot(page, "03-users");
    }

    @Test
    @Order(3)
    void a_user_outside_the_team_who_types_the_apps_address_sees_not_found() {
        Page page = browser.newPage(slipway.baseUrl());
        signIn(page, OUTSIDER, OUTSIDER_PASSWORD);

        page.navigate("/apps/" + APP);

        assertThat(page.getByText("There is no app '" + APP + "' that you can see")).isVisible();
        assertThat(page.getByText("registry.example.com/payments/checkout:1.0")).hasCount(0);
        browser.screenshot(page, "04-outsider-not-found");

        page.navigate("/admin/users");
        assertThat(page.locator("vaadin-grid").getByText("admin", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(0);
    }

    private static void signIn(Page page, String username, String password) {
        Pages.signIn(page, username, password);
    }

    private static Locator button(Page page, String name) {
        return Pages.button(page, name);
    }

    private static Locator field(Page page, String label) {
        return Pages.field(page, label);
    }
}
