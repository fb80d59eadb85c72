package dev.slipway.ui.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class EncryptionViewTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;

    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_admin_sees_the_current_key_and_nothing_to_rewrap() {
        support.signIn(support.admin());

        navigate(EncryptionView.class);

        assertThat($(Paragraph.class).withTextContaining("Current master key:").single().getText())
                .contains("Every stored value is wrapped by it.");
        assertThat($(Button.class).withText("Rewrap with the current key").single().isEnabled()).isFalse();
    }

    @Test
    void a_team_member_is_refused() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        UI.getCurrent().navigate("admin/encryption");

        assertThat(getCurrentView()).isNotInstanceOf(EncryptionView.class);
    }
}
