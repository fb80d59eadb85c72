package dev.slipway.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary and blue-green rollouts in the sandbox, in a real browser: a canary whose analysis passes and
 * waits for a click on Promote, one with bad metrics that aborts with the measured values on screen, and
 * a blue-green release that switches when Promote is clicked. The built-in metric templates are measured
 * every 2 s here instead of every 30 s, so the test takes seconds, not minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgressiveRolloutsE2ETest {

    static final String APP = "checkout";
    static final LocatorAssertions.IsVisibleOptions ROLLOUT = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @TempDir
    static Path dataDir;
    static SlipwayServer slipway;
    static BrowserSession browser;
    static Page page;

    @BeforeAll
    static void start() {
        slipway = SlipwayServer.start("canary", dataDir, Map.of("SLIPWAY_ANALYSIS_INTERVAL", "2s",
                "SLIPWAY_ANALYSIS_INITIALDELAY", "1s", "SLIPWAY_ANALYSIS_COUNT", "2"));
        browser = new BrowserSession();
        page = browser.newPage(slipway.baseUrl());
        Pages.signIn(page, "admin", SlipwayServer.ADMIN_PASSWORD);
        Pages.createTeam(page, slipway.baseUrl(), "payments");
        Pages.createImageApp(page, slipway.baseUrl(), APP, "registry.example.com/payments/checkout:1.0");
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
    void a_canary_chosen_in_the_settings_starts_with_a_first_release_that_skips_the_steps() {
        page.navigate("/apps/" + APP + "/environments/dev");
        Pages.button(page, "Settings").click();
        Pages.dialog(page).locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^Canary"))).click();
        Pages.field(page, "Canary steps").fill("setWeight 50\nanalysis error-rate p99-latency\npause");
        dialogButton("Save").click();
        assertThat(page.getByText("canary: setWeight 50, analysis error-rate p99-latency, pause", new Page.GetByTextOptions()
                .setExact(false))).isVisible();

        deploy("registry.example.com/payments/checkout:1.0", null);

        assertThat(page.locator("[data-phase='SUCCEEDED']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText("no canary steps: nothing runs here yet").first()).isVisible();
    }

    @Test
    @Order(2)
    void a_healthy_canary_passes_its_analysis_waits_at_the_pause_and_takes_over_when_promoted() {
        deploy("registry.example.com/payments/checkout:2.0", null);

        assertThat(page.locator("[data-phase='PAUSED']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText(Pattern.compile("Step 3 of 3 \\(pause\\): v2 gets 50% of requests"))).isVisible();
        assertThat(page.getByText(Pattern.compile("Analysis passed at step 2 of 3, weight 50%")).first()).isVisible();
        assertThat(page.getByText("p99-latency").first()).isVisible();
        // the charts follow the canary: one line for the stable release and one for the canary
        Locator requests = page.locator(".slipway-time-series[data-metric='requests']");
        assertThat(requests).hasAttribute("data-series", "2", new LocatorAssertions.HasAttributeOptions()
                .setTimeout(30_000));
        assertThat(requests.locator("canvas")).isVisible();
        assertThat(page.locator(".slipway-time-series")).hasCount(8);
        requests.scrollIntoViewIfNeeded();
        browser.screenshot(page, "30-canary-paused-after-analysis");

        Pages.button(page, "Promote").click();

        assertThat(page.locator("[data-phase='SUCCEEDED']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText("Runs v2 (registry.example.com/payments/checkout:2.0)")).isVisible();
        browser.screenshot(page, "31-canary-promoted");
    }

    @Test
    @Order(3)
    void a_canary_with_bad_metrics_aborts_and_the_page_says_which_values_failed() {
        deploy("registry.example.com/payments/checkout:3.0", "^Bad metrics");

        assertThat(page.locator("[data-phase='ROLLED_BACK']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText(Pattern.compile("Analysis failed at step 2 of 3, weight 50%: error rate 0\\.0\\d+"
                + " >= 0\\.05 in 1 of 1 measurements")).first()).isVisible();
        assertThat(page.getByText("Runs v2 (registry.example.com/payments/checkout:2.0)")).isVisible();
        assertThat(Pages.button(page, "Retry v3")).isVisible();
        browser.screenshot(page, "32-canary-aborted-on-metrics");
    }

    @Test
    @Order(4)
    void a_blue_green_release_waits_in_its_slot_and_takes_the_traffic_when_promote_is_clicked() {
        Pages.createImageApp(page, slipway.baseUrl(), "ledger", "registry.example.com/payments/ledger:1.0");
        page.navigate("/apps/ledger/environments/dev");
        Pages.button(page, "Settings").click();
        Pages.dialog(page).locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^Blue-green"))).click();
        Pages.field(page, "Keep the old slot for (seconds)").fill("5");
        dialogButton("Save").click();
        assertThat(page.getByText("blue-green: preview on all pods, waits for a promotion", new Page.GetByTextOptions()
                .setExact(false))).isVisible();
        deploy("registry.example.com/payments/ledger:1.0", null);
        assertThat(page.locator("[data-phase='SUCCEEDED']").first()).isVisible(ROLLOUT);

        deploy("registry.example.com/payments/ledger:2.0", null);

        assertThat(page.locator("[data-phase='PAUSED']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText("v2 is ready in the green slot (preview Service). Promote to switch")).isVisible();
        assertThat(page.getByText("Runs v1 (registry.example.com/payments/ledger:1.0)")).isVisible();
        browser.screenshot(page, "33-blue-green-awaiting-promotion");

        Pages.button(page, "Promote").click();

        assertThat(page.getByText("Runs v2 (registry.example.com/payments/ledger:2.0)")).isVisible(ROLLOUT);
        assertThat(page.locator("[data-phase='SUCCEEDED']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText("v2 serves from the green slot; the old slot is scaled to 0.")).isVisible();
        browser.screenshot(page, "34-blue-green-promoted");
    }

    private static void deploy(String image, String behaviour) {
        Pages.button(page, "Deploy").click();
        Pages.field(page, "Image").fill(image);
        if (behaviour != null) {
            Pages.dialog(page).locator("vaadin-select").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile(behaviour))).click();
        }
        dialogButton("Review changes").click();
        dialogButton(Pattern.compile("^Deploy( these changes)?$")).click();
    }

    private static Locator dialogButton(String name) {
        return Pages.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator dialogButton(Pattern name) {
        return Pages.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }
}
