package dev.slipway.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import dev.slipway.settings.PlatformSettings;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The platform settings page as a platform admin meets it, without a browser. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class SettingsViewTest extends SpringBrowserlessTest {

    private static final String ALLOW_LOCAL = "Allow apps to build from paths on Slipway's own host";

    @Autowired UiTestSupport support;
    @Autowired PlatformSettingsService settings;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_page_starts_from_the_stored_settings_and_offers_save_only_after_a_change() {
        support.signIn(support.admin());
        navigate(SettingsView.class);

        Checkbox allowLocal = $(Checkbox.class).withLabel(ALLOW_LOCAL).single();
        Button save = $(Button.class).withText("Save").single();
        assertThat(allowLocal.getValue()).isEqualTo(settings.current().allowLocalRepositories());
        assertThat(save.isEnabled()).isFalse();

        test(allowLocal).click();
        assertThat(save.isEnabled()).isTrue();
        test(allowLocal).click();
        assertThat(save.isEnabled()).isFalse();
    }

    @Test
    void saving_turns_on_local_repositories() {
        support.signIn(support.admin());
        navigate(SettingsView.class);
        try {
            Checkbox allowLocal = $(Checkbox.class).withLabel(ALLOW_LOCAL).single();
            assertThat(allowLocal.getValue()).isFalse();

            test(allowLocal).click();
            test($(Button.class).withText("Save").single()).click();

            assertThat(settings.current().allowLocalRepositories()).isTrue();
            assertThat(allowLocal.getValue()).isTrue();
            assertThat($(Button.class).withText("Save").single().isEnabled()).isFalse();
            assertThat($(Notification.class).all()).extracting(n -> test(n).getText()).contains("Settings saved.");
        } finally {
            // Other tests rely on the safe default.
            settings.update(support.admin(), new PlatformSettings(false));
        }
    }

    @Test
    void a_non_admin_typing_the_settings_address_does_not_get_the_page() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        UI.getCurrent().navigate("admin/settings");

        assertThat(getCurrentView()).isNotInstanceOf(SettingsView.class);
    }
}
