package dev.slipway.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.security.ApiTokenService;
import dev.slipway.security.ApiTokenView;
import dev.slipway.security.NewUser;
import dev.slipway.security.UserService;
import dev.slipway.security.UserView;
import dev.slipway.shared.Actor;
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
class SecurityViewsTest extends SpringBrowserlessTest {

    @Autowired UiTestSupport support;
    @Autowired UserService users;
    @Autowired ApiTokenService tokens;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Actor newUser() {
        String username = UiTestSupport.unique("acct");
        users.create(support.admin(), new NewUser(username, "", "correct-horse-battery", false));
        return users.actor(users.idOf(username));
    }

    @Test
    void a_user_changes_their_display_name() {
        Actor me = newUser();
        support.signIn(me);
        navigate(AccountView.class);
        test($(TextField.class).withLabel("Display name").single()).setValue("Jane Doe");
        test($(Button.class).withText("Save").single()).click();
        assertThat(users.find(me.username()).orElseThrow().displayName()).isEqualTo("Jane Doe");
    }

    @Test
    void a_password_change_needs_the_current_password_and_a_strong_new_one() {
        Actor me = newUser();
        support.signIn(me);
        navigate(AccountView.class);
        test($(PasswordField.class).withLabel("Current password").single()).setValue("wrong-password-x");
        test($(PasswordField.class).withLabel("New password").single()).setValue("short");
        test($(PasswordField.class).withLabel("Repeat the new password").single()).setValue("other");
        test($(Button.class).withText("Change password").single()).click();
        assertThat($(PasswordField.class).withLabel("New password").single().getErrorMessage()).startsWith("Must be at least 12");
        assertThat($(PasswordField.class).withLabel("Repeat the new password").single().getErrorMessage()).isEqualTo("Does not match the new password");

        test($(PasswordField.class).withLabel("New password").single()).setValue("a-much-longer-password");
        test($(PasswordField.class).withLabel("Repeat the new password").single()).setValue("a-much-longer-password");
        test($(Button.class).withText("Change password").single()).click();
        PasswordField current = $(PasswordField.class).withLabel("Current password").single();
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("Is not your current password");

        test(current).setValue("correct-horse-battery");
        test($(Button.class).withText("Change password").single()).click();
        assertThat($(PasswordField.class).withLabel("Current password").single().getValue()).isEmpty();
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Password changed. Your other sessions are signed out.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_api_token_is_shown_once_listed_by_prefix_and_revocable() {
        Actor me = newUser();
        support.signIn(me);
        navigate(AccountView.class);
        Grid<ApiTokenView> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isZero();
        test($(Button.class).withText("Create token").single()).click();
        Select<?> validity = $(Select.class).withLabel("Valid for").single();
        assertThat(test(validity).getSelected().toString()).isEqualTo("DAYS_90");
        test($(Button.class).withText("Create").single()).click();
        assertThat($(TextField.class).withLabel("Name").single().getErrorMessage()).isEqualTo("Is required");
        test($(TextField.class).withLabel("Name").single()).setValue("ci");
        test(validity).selectItem("Never expires");
        test($(Button.class).withText("Create").single()).click();

        TextField secret = $(TextField.class).withLabel("Your token").single();
        assertThat(secret.getValue()).startsWith("slw_");
        assertThat(secret.isReadOnly()).isTrue();
        assertThat($(Paragraph.class).withText("Copy it now: Slipway keeps only a hash and cannot show it again.").exists()).isTrue();
        assertThat($(Pre.class).single().getText()).contains("Authorization: Bearer " + secret.getValue()).contains("/api/v1/me");
        assertThat(tokens.authenticate(secret.getValue())).isPresent();
        test($(Button.class).withText("Done").single()).click();

        grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("ci");
        assertThat(test(grid).getCellText(0, 5)).isEqualTo("full");
        assertThat(((Badge) test(grid).getCellComponent(0, 6)).getText()).isEqualTo("Active");

        // a second token with the same name lands on the field
        test($(Button.class).withText("Create token").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue("ci");
        test($(Button.class).withText("Create").single()).click();
        assertThat($(TextField.class).withLabel("Name").single().getErrorMessage()).contains("already have a token");
        test($(Button.class).withText("Cancel").single()).click();

        test((Button) test(grid).getCellComponent(0, 7)).click();
        test($(ConfirmDialog.class).single()).confirm();
        grid = $(Grid.class).single();
        assertThat(((Badge) test(grid).getCellComponent(0, 6)).getText()).isEqualTo("Revoked");
        assertThat(tokens.authenticate(secret.getValue())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_read_only_token_is_made_from_the_dialog_and_revoke_all_stops_every_token() {
        Actor me = newUser();
        String kept = tokens.create(me, "ci", null).secret();
        support.signIn(me);
        navigate(AccountView.class);

        test($(Button.class).withText("Create token").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue("dashboard");
        test($(Checkbox.class).withLabel("Read-only").single()).click();
        test($(Button.class).withText("Create").single()).click();
        String readOnly = $(TextField.class).withLabel("Your token").single().getValue();
        test($(Button.class).withText("Done").single()).click();

        assertThat(tokens.authenticate(readOnly)).hasValueSatisfying(login -> assertThat(login.readOnly()).isTrue());
        Grid<ApiTokenView> grid = $(Grid.class).single();
        assertThat(test(grid).getCellText(0, 5)).isEqualTo("read-only");

        test($(Button.class).withText("Revoke all").single()).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(tokens.authenticate(readOnly)).isEmpty();
        assertThat(tokens.authenticate(kept)).isEmpty();
        assertThat($(Button.class).withText("Revoke all").exists()).as("nothing left to revoke").isFalse();
    }

    @Test
    void a_password_change_offers_to_revoke_the_users_tokens_and_does_so_when_ticked() {
        Actor me = newUser();
        String token = tokens.create(me, "laptop", null).secret();
        support.signIn(me);
        navigate(AccountView.class);

        Checkbox revoke = $(Checkbox.class).withLabel("Also revoke my 1 API token (scripts using them stop working)").single();
        assertThat(revoke.isVisible()).isTrue();
        test($(PasswordField.class).withLabel("Current password").single()).setValue("correct-horse-battery");
        test($(PasswordField.class).withLabel("New password").single()).setValue("a-new-long-passphrase");
        test($(PasswordField.class).withLabel("Repeat the new password").single()).setValue("a-new-long-passphrase");
        test(revoke).click();
        test($(Button.class).withText("Change password").single()).click();

        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(revoke.isVisible()).as("no tokens left to offer").isFalse();
    }

    @SuppressWarnings("unchecked")
    private int rowOf(Grid<UserView> grid, String username) {
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).username().equals(username)) return i;
        }
        throw new AssertionError(username);
    }

    private Button button(Grid<UserView> grid, int row, String text) {
        var cell = test(grid).getCellComponent(row, 5);
        return cell.getChildren().map(Button.class::cast).filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_creates_disables_enables_and_resets_users_and_grants_admin() {
        support.signIn(support.admin());
        navigate(UsersView.class);
        test($(Button.class).withText("New user").single()).click();
        test($(TextField.class).withLabel("Username").single()).setValue("Bad Name");
        test($(PasswordField.class).withLabel("Initial password").single()).setValue("short");
        test($(Button.class).withText("Create").single()).click();
        assertThat($(TextField.class).withLabel("Username").single().getErrorMessage()).startsWith("Must be 2 to 40");
        assertThat($(PasswordField.class).withLabel("Initial password").single().getErrorMessage()).startsWith("Must be at least");
        String name = UiTestSupport.unique("made-long-username");
        test($(TextField.class).withLabel("Username").single()).setValue(name);
        test($(PasswordField.class).withLabel("Initial password").single()).setValue(name);
        test($(Button.class).withText("Create").single()).click();
        assertThat($(PasswordField.class).withLabel("Initial password").single().getErrorMessage()).isEqualTo("Must not be the username");
        test($(PasswordField.class).withLabel("Initial password").single()).setValue("a-long-enough-password");
        test($(Button.class).withText("Create").single()).click();
        assertThat(users.find(name)).isPresent();

        Grid<UserView> grid = $(Grid.class).single();
        int row = rowOf(grid, name);
        test(button(grid, row, "Disable")).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(users.find(name).orElseThrow().enabled()).isFalse();
        grid = $(Grid.class).single();
        test(button(grid, rowOf(grid, name), "Enable")).click();
        assertThat(users.find(name).orElseThrow().enabled()).isTrue();

        test(button(grid, rowOf(grid, name), "Reset password")).click();
        test($(PasswordField.class).withLabel("New password").single()).setValue("another-long-password");
        test($(Button.class).withText("Set password").single()).click();
        assertThat($(Dialog.class).exists()).isFalse();

        // own row: no Disable button (the service refuses it anyway). The last-admin rule itself is tested
        // in the backend, on a database of its own: here other tests may have made more admins.
        int me = rowOf(grid, "admin");
        assertThat(test(grid).getCellComponent(me, 5).getChildren().filter(c -> c.isVisible()).map(c -> ((Button) c).getText()).toList())
                .containsExactly("Revoke admin", "Reset password");

        // make the new user an admin, then revoke
        grid = $(Grid.class).single();
        test(button(grid, rowOf(grid, name), "Make admin")).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(users.find(name).orElseThrow().platformAdmin()).isTrue();
        grid = $(Grid.class).single();
        test(button(grid, rowOf(grid, name), "Revoke admin")).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(users.find(name).orElseThrow().platformAdmin()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_can_step_down_while_another_admin_remains() {
        String name = UiTestSupport.unique("second-admin");
        users.create(support.admin(), new NewUser(name, "", "correct-horse-battery", true));
        support.signIn(users.actor(users.idOf(name)));
        navigate(UsersView.class);
        Grid<UserView> grid = $(Grid.class).single();
        test(button(grid, rowOf(grid, name), "Revoke admin")).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(users.find(name).orElseThrow().platformAdmin()).isFalse();
    }
}
