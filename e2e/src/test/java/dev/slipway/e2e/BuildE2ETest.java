package dev.slipway.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a repository to a running release in a real browser: a build of the sample app in a local git
 * repository, its log growing on the page, its image pushed to Debian's docker-registry and deployed to
 * the sandbox.
 */
class BuildE2ETest {

    static final LocatorAssertions.IsVisibleOptions BUILD = new LocatorAssertions.IsVisibleOptions().setTimeout(180_000);
    static final LocatorAssertions.IsVisibleOptions ROLLOUT = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @TempDir
    static Path dir;
    static Process registry;
    static SlipwayServer slipway;
    static BrowserSession browser;
    static Path repository;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(BuildFixtures.available(), "needs Debian's docker-registry and git (.ci/run installs them)");
        BuildFixtures.Registry started = BuildFixtures.startRegistry(dir);
        registry = started.process();
        repository = BuildFixtures.sampleRepository(dir, "menu");
        slipway = SlipwayServer.start("build", dir.resolve("data"), started.slipwayEnvironment());
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
        if (registry != null) {
            registry.destroy();
        }
    }

    @Test
    void a_build_streams_its_log_pushes_an_image_and_the_image_deploys_to_the_sandbox() {
        Page page = browser.newPage(slipway.baseUrl());
        Pages.signIn(page, "admin", SlipwayServer.ADMIN_PASSWORD);
        BuildFixtures.allowLocalRepositories(page);
        Pages.createTeam(page, slipway.baseUrl(), "kitchen");
        page.navigate("/apps");
        Pages.button(page, "New app").click();
        Pages.field(page, "Name").fill("menu");
        page.getByText("Build from a git repository").click();
        Pages.field(page, "Git repository").fill(repository.toUri().toString());
        Pages.button(page, "Create").click();
        assertThat(page).hasURL(slipway.baseUrl() + "/apps/menu");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Builds").setExact(true)).click();
        Pages.button(page, "Build now").click();
        Pages.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start build")).click();
        assertThat(page).hasURL(slipway.baseUrl() + "/apps/menu/builds/1");

        // the page was not reloaded: the log grows while Maven runs, then the badge turns
        assertThat(page.locator(".slipway-log").getByText("Building sample-app 1.0.0").first()).isVisible(BUILD);
        browser.screenshot(page, "20-build-log-streaming");
        assertThat(page.locator("[data-build-status='SUCCEEDED']")).isVisible(BUILD);
        assertThat(page.locator(".slipway-log").getByText("Slipway: pushed").first()).isVisible();
        browser.screenshot(page, "21-build-succeeded");

        Pages.button(page, "Deploy to dev").click();
        Pages.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Review changes")
                .setExact(true)).click();
        Pages.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deploy").setExact(true))
                .click();
        assertThat(page).hasURL(slipway.baseUrl() + "/apps/menu/environments/dev");
        assertThat(page.locator("[data-phase='SUCCEEDED']").first()).isVisible(ROLLOUT);
        assertThat(page.getByText("/slipway/kitchen/menu@sha256:").first()).isVisible();
        browser.screenshot(page, "22-built-image-running");
    }
}
