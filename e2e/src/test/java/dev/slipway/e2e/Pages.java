package dev.slipway.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The steps browser tests share, written the way a user does them. */
final class Pages {

    private Pages() {
    }

    static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, "Log in").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
    }

    static void createTeam(Page page, String baseUrl, String team) {
        page.navigate("/teams");
        button(page, "New team").click();
        field(page, "Name").fill(team);
        button(page, "Create").click();
        assertThat(page).hasURL(baseUrl + "/teams/" + team);
    }

    static void createImageApp(Page page, String baseUrl, String app, String image) {
        page.navigate("/apps");
        button(page, "New app").click();
        field(page, "Name").fill(app);
        page.getByText("Deploy a prebuilt image").click();
        field(page, "Image").fill(image);
        button(page, "Create").click();
        assertThat(page).hasURL(baseUrl + "/apps/" + app);
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The open dialog, for buttons whose names also appear on the page behind it. */
    static Locator dialog(Page page) {
        return page.getByRole(AriaRole.DIALOG);
    }
}
