package dev.slipway.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Headless Chromium from the system, driven by Playwright, one page per session. */
final class BrowserSession implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    BrowserSession() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("slipway.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                // As root Chromium needs --no-sandbox; the rest keeps it off a network it cannot reach.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        screenshots = Path.of(System.getProperty("slipway.screenshots", "target/screenshots"));
    }

    Page newPage(String baseUrl) {
        Page page = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setViewportSize(1400, 900)).newPage();
        page.setDefaultTimeout(20_000);
        // assertions wait as long as actions do: 5 s, Playwright's default, is too short for a shared CI
        // machine whose two cores are busy with the server, the browser and a Maven build
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        return page;
    }

    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
