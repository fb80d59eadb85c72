package dev.slipway.ui.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.ui.UiTestSupport;
import dev.slipway.ui.errors.NotFoundView;
import dev.slipway.ui.security.UsersView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The app pages as a signed-in user meets them, without a browser. */
@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class AppViewsTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    AppService apps;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void typing_the_address_of_another_teams_app_shows_not_found_and_nothing_of_the_app() {
        String foreignApp = support.app(support.team());
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        NotFoundView page = navigate("apps/" + foreignApp, NotFoundView.class);

        assertThat($(Paragraph.class, page).first().getText()).contains("There is no app '" + foreignApp + "' that you can see");
        assertThat($(AppDetailView.class).exists()).isFalse();
    }

    @Test
    void a_member_sees_their_teams_app_and_a_viewer_gets_no_edit_or_delete() {
        String team = support.team();
        String app = support.app(team);
        support.signIn(support.member(team, TeamRole.VIEWER));

        navigate("apps/" + app, AppDetailView.class);

        // queries find only visible components
        assertThat($(Button.class).withText("Edit").exists()).isFalse();
        assertThat($(Button.class).withText("Delete").exists()).isFalse();
        assertThat($(Paragraph.class).withTextContaining("namespace " + app + "-dev").exists()).isTrue();
    }

    @Test
    void a_non_admin_typing_an_admin_address_does_not_get_the_admin_page() {
        support.signIn(support.member(support.team(), TeamRole.MAINTAINER));

        UI.getCurrent().navigate("admin/users");

        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
    }

    @Test
    void the_new_app_form_shows_what_is_wrong_on_the_field_and_stores_nothing() {
        String team = support.team();
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate(AppListView.class);

        test($(Button.class).withText("New app").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue("Not Valid");
        test($(TextField.class).withLabel("Git repository").single()).setValue("http://git.example.com/x.git");
        test($(Button.class).withText("Create").single()).click();

        TextField name = $(TextField.class).withLabel("Name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("lowercase letters");
        assertThat($(TextField.class).withLabel("Git repository").single().getErrorMessage()).contains("plain http");
        assertThat(apps.search(developer, null, team, PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void a_developer_creates_an_image_app_through_the_form_and_lands_on_its_page() {
        String team = support.team();
        Actor developer = support.member(team, TeamRole.DEVELOPER);
        support.signIn(developer);
        navigate(AppListView.class);
        String name = UiTestSupport.unique("web");

        test($(Button.class).withText("New app").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue(name);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<AppSource> source = $(RadioButtonGroup.class).withLabel("Source").single();
        test(source).selectItem("Deploy a prebuilt image");
        test($(TextField.class).withLabel("Image").single()).setValue("registry.example.com/web/app:1.0");
        test($(Button.class).withText("Create").single()).click();

        assertThat(getCurrentView()).isInstanceOf(AppDetailView.class);
        assertThat(apps.get(developer, name).image()).isEqualTo("registry.example.com/web/app:1.0");
    }
}
