package dev.slipway.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationE2ETest {

    @TempDir
    static Path dataDir;
    static SlipwayServer slipway;
    static BrowserSession browser;

    @BeforeAll
    static void start() {
        slipway = SlipwayServer.start("foundation", dataDir);
        System.out.printf("Slipway started in %d ms; resident memory %d MiB%n",
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
    void an_admin_signs_in_through_the_login_page() {
        Page page = browser.newPage(slipway.baseUrl());
        page.navigate("/");
        assertThat(page).hasURL(slipway.baseUrl() + "/login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(SlipwayServer.ADMIN_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByText("Apps").first()).isVisible();
        browser.screenshot(page, "01-apps-empty");
    }
}
